#!/usr/bin/env bash
# Regenerate python3-deps.json (the pip module of the Flatpak manifest) from requirements.txt.
# Needs network access to PyPI, flatpak, flatpak-builder and the SDK:
#   flatpak install --user flathub org.kde.Sdk//6.10 io.qt.PySide.BaseApp//6.10
#   pip install --user requirements-parser
#   git clone https://github.com/flatpak/flatpak-builder-tools
#   FLATPAK_PIP_GENERATOR=flatpak-builder-tools/pip/flatpak-pip-generator ./regenerate-deps.sh
# --runtime runs pip inside the SDK, so packages the SDK already has are left out. numpy is
# then removed by hand: the BaseApp ships it (under /app, which the SDK does not see).
# orjson (Rust), scipy (Fortran, meson) and contourpy/kiwisolver (C++) do not build from
# source in the plain SDK; if your flatpak-pip-generator offers it, prefer manylinux
# wheels for them (see its --help), otherwise add the rust-stable SDK extension.
set -euo pipefail
cd "$(dirname "$0")"
generator=${FLATPAK_PIP_GENERATOR:-flatpak-pip-generator}
"$generator" --runtime='org.kde.Sdk//6.10' --requirements-file=requirements.txt \
  --output python3-deps
python3 - <<'PY'
import json, pathlib
path = pathlib.Path("python3-deps.json")
data = json.loads(path.read_text())
def keep(module):
    return not (isinstance(module, dict) and module.get("name") == "python3-numpy")
def strip(module):
    if isinstance(module, dict):
        module["sources"] = [s for s in module.get("sources", []) if "/numpy-" not in s.get("url", "")]
        module["modules"] = [strip(m) for m in module.get("modules", []) if keep(m)]
        if not module["modules"]:
            del module["modules"]
    return module
path.write_text(json.dumps(strip(data), indent=4) + "\n")
PY
echo "wrote $(pwd)/python3-deps.json"
