# Two commands do all set-up on a fresh machine with python3 >= 3.11:
#   make run    create .venv, install, build the content database, launch the guide
#   make test   create .venv, install test deps, run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
CONTENT_DB := db/content.db

.PHONY: run test lint db screenshots translations package bench clean system-tools a11y-tools

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e . --config-settings editable_mode=compat
	touch $@

# System tools the packaging build and its tests run: lintian, desktop-file-validate,
# appstreamcli, systemd-analyze, objdump (binutils), xz, dpkg-deb. Installed with apt-get
# when missing (as root on a fresh machine or CI); elsewhere it says what to install.
SYSTEM_TOOLS := lintian desktop-file-validate appstreamcli systemd-analyze objdump xz dpkg-deb
SYSTEM_PACKAGES := lintian desktop-file-utils appstream systemd binutils xz-utils dpkg
system-tools:
	@missing=$$(for t in $(SYSTEM_TOOLS); do command -v $$t >/dev/null || echo $$t; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $(SYSTEM_PACKAGES) (missing: $$missing)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "missing $$missing: apt-get install $(SYSTEM_PACKAGES)"; exit 1; fi; \
	fi

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $@

db: $(STAMP)
	$(VENV)/bin/guide build-db --out $(CONTENT_DB)

run: $(STAMP) db
	$(VENV)/bin/guide

# tests/test_atspi.py reads the guide over AT-SPI from a real X window: Xvfb, Debian's
# python3-pyatspi, the AT-SPI bus (at-spi2-core) in a D-Bus session, and the XCB libraries
# Qt's xcb platform plugin links. Installed like the system tools above.
A11Y_PACKAGES := xvfb python3-pyatspi at-spi2-core dbus libxcb-icccm4 libxcb-keysyms1 \
	libxcb-cursor0 libxkbcommon-x11-0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-xkb1
a11y-tools:
	@if ! dpkg -s $(A11Y_PACKAGES) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $(A11Y_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      $(A11Y_PACKAGES) >/dev/null; \
	  else echo "missing: apt-get install $(A11Y_PACKAGES)"; exit 1; fi; \
	fi

test: $(TEST_STAMP) system-tools a11y-tools
	$(PY) -m ruff check guide tests benchmarks
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(TEST_STAMP)
	$(PY) -m ruff check guide tests benchmarks
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# Qt Linguist: refresh the .ts from the code (keeps existing translations), then compile .qm.
TS := resources/translations/zgc_guide_zh_CN.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none \
	  $$(find guide/ui guide/kiosk guide/app.py -name '*.py' 2>/dev/null | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

# README screenshots, both languages, at a fixed clock.
screenshots: $(STAMP) db
	for page in home forums exhibition announcements photos figures search:绿色 forum/ip-protection-forum; do \
	  name=$$(echo $$page | tr ':/' '--'); \
	  for lang in zh en; do \
	    QT_QPA_PLATFORM=offscreen $(VENV)/bin/guide screenshot $$page --lang $$lang --now 2023-05-29T10:00 \
	      --out docs/screenshots/$$name-$$lang.png || exit 1; \
	  done; \
	done

# Installers: a PyInstaller bundle wrapped as .deb and .tar.xz on Linux (.app and .dmg on
# macOS), each unpacked and self-tested, the .deb checked by lintian (any error or warning
# not covered by packaging/linux/lintian-overrides fails); then bundle size and start time
# against a bare PySide6 window frozen the same way in the same run. Windows: packaging/README.md.
PACKAGE_STAMP := $(VENV)/.installed-package
$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]' --config-settings editable_mode=compat
	touch $@

package: $(PACKAGE_STAMP) $(if $(filter Linux,$(shell uname -s)),system-tools)
	$(PY) packaging/build.py --dist dist --work build/package
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_package.py --dist dist --work build/package

clean:
	rm -rf $(VENV) build dist $(CONTENT_DB)
