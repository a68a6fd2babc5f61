import pytest


@pytest.fixture
def history(isolated_home):
    """An empty history that keeps everything (the fixtures' posts are from 2024)."""
    from postcoach.history.store import HistoryStore

    store = HistoryStore()
    store.update_settings(retention_days=None)
    return store
