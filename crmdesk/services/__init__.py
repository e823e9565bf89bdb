"""Plain-Python services (no Qt): every user action is one call and one transaction."""
