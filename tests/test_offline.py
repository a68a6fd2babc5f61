"""Nothing reaches the network: textstat's English readability would call nltk.download.

The check runs in a fresh interpreter so that no dictionary is already loaded: sockets refuse
to connect, nltk.download fails and NLTK finds no data of its own.
"""

import json
import subprocess
import sys
import textwrap

OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, socket, sys

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append("socket")
        raise OSError("network blocked by test_offline")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse

    import nltk

    def no_download(*args, **kwargs):
        attempts.append("nltk.download")
        raise RuntimeError("nltk.download blocked by test_offline")

    nltk.download = no_download
    nltk.data.path[:] = [sys.argv[1]]

    from postcoach import analyze

    drafts = {
        "en": "Our new autumn collection lands in store this Saturday. Which piece will you "
              "try first? Tell us in the comments.",
        "fr": "Notre nouvelle collection d'automne arrive en boutique ce samedi. Quelle pièce "
              "allez-vous essayer en premier ? Dites-le-nous en commentaire.",
    }
    results = {language: analyze(text) for language, text in drafts.items()}
    print(json.dumps({"attempts": attempts, "results": results}))
    """
)


def test_analyze_works_with_the_network_cut_off(tmp_path):
    empty_nltk_data = tmp_path / "nltk_data"
    empty_nltk_data.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCRIPT, str(empty_nltk_data)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["attempts"] == []
    for language, result in report["results"].items():
        assert result["language"] == language
        assert isinstance(result["tone"]["reading_ease"], float)


NLTK_FREE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from postcoach import analyze
    from postcoach.text.readability import _word_syllables

    results = [analyze(text)["tone"]["reading_ease"] for text in (
        "Our linen shirts are made in Leeds. Which colour do you like best?",
        "Nos chemises en lin sont cousues à Lyon. Quelle couleur préférez-vous ?")]
    print(json.dumps({"nltk": "nltk" in sys.modules, "results": results,
                      "syllables": [_word_syllables("beautiful", "en_US"),
                                    _word_syllables("xqztlinen", "en_US")]}))
    """
)


def test_textstat_runs_without_importing_nltk(tmp_path):
    """textstat imports NLTK only for the CMU dictionary, which Post Coach hands it itself:
    NLTK (half a second to import, two more with SciPy installed) stays out of the process."""
    done = subprocess.run([sys.executable, "-c", NLTK_FREE_SCRIPT], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["nltk"] is False
    assert all(isinstance(score, float) for score in report["results"])
    beautiful, unknown = report["syllables"]
    assert beautiful == 3  # the CMU dictionary's count
    assert unknown >= 2  # not in CMU: pyphen's hyphenation points
