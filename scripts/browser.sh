# Sourced by scripts/test.sh and .ci/run: makes sure the end-to-end tests have a Chromium
# and a Korean font. Playwright's own browser wins; else Debian's /usr/bin/chromium
# (playwright.config.ts picks the same way). Never downloads a browser through Playwright.

has_playwright_chromium() {
  node -e 'const { chromium } = require("playwright-core"); process.exit(require("fs").existsSync(chromium.executablePath()) ? 0 : 1)' 2>/dev/null
}

has_korean_font() {
  fc-list 2>/dev/null | grep -qi nanum
}

can_apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

apt_install() {
  echo "==> installing $* with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_browser() {
  if ! has_playwright_chromium && [ ! -x /usr/bin/chromium ]; then
    if can_apt_install; then
      apt_install chromium fonts-nanum
    else
      echo "No Chromium for the end-to-end tests, and no way to install one here (that needs root with apt-get)." >&2
      echo "Install Debian's packages: sudo apt-get install -y chromium fonts-nanum" >&2
      echo "(or, where downloads are possible, Playwright's own: npx playwright install chromium)." >&2
      return 1
    fi
  fi
  if ! has_korean_font; then
    if can_apt_install; then
      apt_install fonts-nanum
    else
      # Not fatal: the tests read text, but screenshots would show Korean as boxes.
      echo "warning: no Korean font found; install fonts-nanum so Korean pages render." >&2
    fi
  fi
}
