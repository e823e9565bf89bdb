"""crmdesk: an offline-first desktop client book."""

__version__ = "0.1.0"
APP_NAME = "crmdesk"
