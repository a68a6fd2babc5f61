import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data directory: no test reads or writes the user's."""
    home = tmp_path / "postcoach-home"
    monkeypatch.setenv("POSTCOACH_HOME", str(home))
    return home


@pytest.fixture
def token(isolated_home) -> str:
    """The pairing token of this test's data directory (made on first use, like the server)."""
    from postcoach.server.pairing import load_or_create_token

    return load_or_create_token()


@pytest.fixture
def app(token):
    """The API app, as if served on 127.0.0.1:8731 (the test client sends that Host)."""
    from postcoach.server import create_app

    return create_app({"TESTING": True, "PORT": 8731, "SERVER_NAME": "127.0.0.1:8731"})


@pytest.fixture
def client(app):
    return app.test_client()
