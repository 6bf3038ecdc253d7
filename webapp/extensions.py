"""Extensions created once and bound to the app inside the factory."""

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
