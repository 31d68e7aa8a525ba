"""One exception tree, with messages a user can act on.

The CLI turns these into one line on stderr and an exit code, never a traceback.
"""


class NewsprismError(Exception):
    """Base class: the message is shown to the user as it is."""

    exit_code = 1


class InputError(NewsprismError):
    """An input file or record cannot be used (named in the message)."""


class NoUsableInput(NewsprismError):
    """Nothing in the input could be read as an article."""


class UsageError(NewsprismError):
    exit_code = 2


class ModelMissing(NewsprismError):
    """A required model package is not installed."""


class DatasetMissing(NewsprismError):
    """An evaluation dataset is not where it was looked for."""
