"""Real-browser tests (Playwright + Debian chromium); see conftest.py."""
