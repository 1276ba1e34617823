#!/usr/bin/env bash
# Build RugDiary's distributables into dist/ and smoke-test them (`make dist` calls this).
#
#   dist/rugdiary-VERSION-py3-none-any.whl     wheel (resources and compiled translations inside)
#   dist/rugdiary-VERSION.tar.gz               sdist
#   dist/rugdiary/                             PyInstaller onedir bundle for this platform
#   dist/rugdiary-VERSION-linux-ARCH.tar.gz    that bundle as a download (Linux only)
#   dist/SHA256SUMS
#
# Uses its own venv (build/dist-venv, or $RUGDIARY_BUILD_VENV), never the development
# .venv: the bundle must hold what the wheel declares, not whatever a developer installed.
# Idempotent: the venv is reused, every output is rebuilt from scratch.
# Environment: PYTHON (default python3), RUGDIARY_SKIP_BUNDLE=1 to build only wheel + sdist,
# RUGDIARY_SMOKE_OFFSCREEN=1 (see smoke_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

python=${PYTHON:-python3}
venv=${RUGDIARY_BUILD_VENV:-$root/build/dist-venv}
bin=$venv/bin
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' rugdiary/__init__.py)
[ -n "$version" ] || { echo "no __version__ in rugdiary/__init__.py" >&2; exit 1; }
echo "== RugDiary $version"

# 1. The build venv: build + PyInstaller (reused when present).
if [ ! -x "$bin/python" ]; then
  "$python" -m venv "$venv"
  "$bin/python" -m pip install --quiet --upgrade pip
fi
"$bin/python" -m pip install --quiet "build>=1.2" "pyinstaller>=6.10"

# 2. Translations: every resources/i18n/*.ts needs an up-to-date .qm next to it, because
#    the wheel and the bundle carry the .qm (the .ts stay in the sdist only).
shopt -s nullglob
ts_files=(resources/i18n/*.ts)
if [ ${#ts_files[@]} -gt 0 ]; then
  lrelease=""
  for candidate in "$root/.venv/bin/pyside6-lrelease" "$bin/pyside6-lrelease"; do
    [ -x "$candidate" ] && lrelease=$candidate && break
  done
  for ts in "${ts_files[@]}"; do
    qm=${ts%.ts}.qm
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      [ -n "$lrelease" ] || { echo "$qm is missing or stale and pyside6-lrelease is not installed" >&2; exit 1; }
      "$lrelease" -silent "$ts" -qm "$qm"
    fi
  done
fi

# 3. Wheel and sdist (isolated build: hatchling comes from the index, as on PyPI).
rm -rf dist/rugdiary dist/RugDiary.app dist/rugdiary-*.whl dist/rugdiary-*.tar.gz dist/SHA256SUMS
"$bin/python" -m build --outdir dist .
wheel=dist/rugdiary-$version-py3-none-any.whl
[ -f "$wheel" ] || { echo "the build made no $wheel" >&2; exit 1; }

# 4. Install that wheel (not the checkout) into the build venv; "pipx install" equivalent.
"$bin/python" -m pip install --quiet "$wheel"
"$bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheel"
echo "== smoke test: the wheel installed in $venv"
packaging/smoke_test.sh "$bin/rugdiary" "$version"

if [ -n "${RUGDIARY_SKIP_BUNDLE:-}" ]; then
  (cd dist && sha256sum rugdiary-* > SHA256SUMS)
  exit 0
fi

# 5. The PyInstaller bundle.
"$bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/rugdiary.spec
case "$(uname -s)" in
  Linux) frozen=dist/rugdiary/rugdiary ;;
  Darwin) frozen=dist/RugDiary.app/Contents/MacOS/rugdiary ;;
  *) frozen=dist/rugdiary/rugdiary-cli.exe ;;
esac
echo "== smoke test: the frozen program $frozen"
packaging/smoke_test.sh "$frozen" "$version"

if [ "$(uname -s)" = Linux ]; then
  tar -C dist -czf "dist/rugdiary-$version-linux-$(uname -m).tar.gz" rugdiary
fi
(cd dist && sha256sum rugdiary-*.whl rugdiary-*.tar.gz > SHA256SUMS)
echo "== bundle size: $(du -sh dist/rugdiary | cut -f1) (dist/rugdiary)"
ls -l dist
