"""Content updates: signed pack files, update sources, atomic apply and rollback. No Qt.

Import from :mod:`guide.updates.api` (one place for the whole public API); this
package's ``__init__`` stays empty so that start-up (``guide.locate`` reads
:mod:`guide.updates.state`) does not import the signature library (PyNaCl).
"""
