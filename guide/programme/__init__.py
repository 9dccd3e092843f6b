"""Programme import and export: conference schedules in, content packs out (no Qt, ever)."""
