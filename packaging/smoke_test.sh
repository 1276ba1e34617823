#!/usr/bin/env bash
# Smoke-test an installed or frozen RugDiary: packaging/smoke_test.sh COMMAND [EXPECTED_VERSION]
#
#   packaging/smoke_test.sh dist/rugdiary/rugdiary 0.1.0     # the PyInstaller bundle
#   packaging/smoke_test.sh /tmp/venv/bin/rugdiary 0.1.0      # a wheel installed in a venv
#
# Checks: --version; `check` on a fresh data folder; add + list; on demo data, `summary`
# (numpy and scipy.stats) and a `screenshot` of every page in English and Dutch, offscreen
# (real PNGs come out: this proves the bundle's Qt plugins, fonts and matplotlib); the GUI
# starts and quits. With Xvfb and xdotool installed, the GUI runs on a real X server (the xcb
# platform, as users get it): the test waits for the main window, presses Ctrl+Q and
# expects exit code 0. Without them it runs offscreen for 15 s and passes when the app
# was still running (no crash) then.
# RUGDIARY_SMOKE_OFFSCREEN=1 forces the offscreen variant.
# Every data folder is a fresh temporary one; the user's own diary is never touched.
set -euo pipefail

app=${1:?usage: smoke_test.sh COMMAND [EXPECTED_VERSION]}
expected=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/rugdiary-smoke.XXXXXX")
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
unset RUGDIARY_DATA_DIR
export QT_QPA_PLATFORM=offscreen

fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

step "--version"
version=$("$app" --version)
echo "   $version"
[[ $version == "RugDiary "* ]] || fail "--version printed '$version'"
[ -z "$expected" ] || [ "$version" = "RugDiary $expected" ] || fail "expected RugDiary $expected"

step "check on a fresh data folder"
"$app" --data-dir "$work/fresh" check >/dev/null || fail "check on an empty folder failed"
[ ! -e "$work/fresh/diary.json" ] || fail "check created a diary file"

step "add + list + check"
"$app" --data-dir "$work/data" add --pain 3 --stress 4 --tag smoke >/dev/null || fail "add"
"$app" --data-dir "$work/data" list --json >"$work/list.json" || fail "list"
grep -q '"smoke"' "$work/list.json" || fail "list does not show the entry"
"$app" --data-dir "$work/data" check >/dev/null || fail "check after add"

step "screenshot of every page, offscreen, on demo data"
"$app" --data-dir "$work/demo" demo --days 60 >/dev/null || fail "demo"
# summary runs numpy and scipy.stats: a broken native library shows up here.
"$app" --data-dir "$work/demo" summary --json >"$work/summary.json" || fail "summary --json"
grep -q '"same_day"' "$work/summary.json" || fail "summary --json printed no correlations"
# The CLI names the valid pages when given an unknown one; diary is always there.
pages=$("$app" --data-dir "$work/demo" screenshot --page '?' -o "$work/none.png" 2>&1 \
  | sed -n 's/.*valid pages: //p' | tr -d ',' || true)
for page in ${pages:-diary}; do
  for lang in en nl; do
    shot="$work/$page-$lang.png"
    "$app" --data-dir "$work/demo" screenshot --page "$page" --lang "$lang" -o "$shot" \
      >/dev/null || fail "screenshot --page $page --lang $lang"
    head -c 8 "$shot" | od -An -tx1 | grep -q "89 50 4e 47" || fail "$shot is no PNG"
    [ "$(wc -c < "$shot")" -gt 10000 ] || fail "$shot is suspiciously small"
  done
  echo "   $page"
done

step "GUI starts and quits"
if [ -z "${RUGDIARY_SMOKE_OFFSCREEN:-}" ] && command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  display=":$((90 + RANDOM % 400))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
  DISPLAY=$display QT_QPA_PLATFORM=xcb "$app" --data-dir "$work/gui" \
    >"$work/gui.out" 2>"$work/gui.err" &
  app_pid=$!
  window=""
  # A fresh data folder starts with the welcome: Esc skips to the safety screen, and Esc
  # there closes it (unacknowledged, so it returns next time), as a person might do.
  for _ in $(seq 60); do
    welcome=$(DISPLAY=$display xdotool search --onlyvisible --name 'Welcome to RugDiary' 2>/dev/null | head -1 || true)
    if [ -n "$welcome" ]; then
      DISPLAY=$display xdotool windowfocus --sync "$welcome" key Escape
      sleep 0.5
      DISPLAY=$display xdotool windowfocus --sync "$welcome" key Escape 2>/dev/null || true
    fi
    window=$(DISPLAY=$display xdotool search --onlyvisible --name '^RugDiary$' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$window" ]; then
    kill "$app_pid" 2>/dev/null || true
    cat "$work/gui.err" >&2
    fail "no RugDiary window appeared within 30 s (xcb)"
  fi
  echo "   window $window is up on $display (xcb)"
  DISPLAY=$display xdotool windowfocus --sync "$window" key ctrl+q
  for _ in $(seq 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    fail "the GUI did not quit on Ctrl+Q within 10 s"
  fi
  rc=0
  wait "$app_pid" || rc=$?
  [ "$rc" -eq 0 ] || { cat "$work/gui.err" >&2; fail "the GUI exited with $rc"; }
  echo "   quit with Ctrl+Q, exit code 0"
else
  rc=0
  timeout 15 "$app" --data-dir "$work/gui" >"$work/gui.out" 2>"$work/gui.err" || rc=$?
  [ "$rc" -eq 124 ] || { cat "$work/gui.err" >&2; fail "the GUI exited with $rc before 15 s"; }
  echo "   still running offscreen after 15 s (no Xvfb/xdotool: start checked, quit not)"
fi
if grep -q "Traceback" "$work/gui.err"; then
  cat "$work/gui.err" >&2
  fail "a Python traceback while the GUI ran"
fi
echo "SMOKE OK: $app"
