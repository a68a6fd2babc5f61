"""Post Coach: coaching for brand posts on Facebook and LinkedIn, computed on this machine."""

from postcoach.engine import analyze
from postcoach.errors import InputError

__version__ = "0.1.0"
__all__ = ["InputError", "__version__", "analyze"]
