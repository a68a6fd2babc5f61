import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data directory: no test reads or writes the user's."""
    home = tmp_path / "postcoach-home"
    monkeypatch.setenv("POSTCOACH_HOME", str(home))
    return home
