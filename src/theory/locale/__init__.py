"""The message catalogues of theory (data only): <lang>/LC_MESSAGES/theory.po."""
