"""Build valid matricules by computing the key here, independently of the code under test."""

from __future__ import annotations


def nir_key(body13: str) -> str:
    """97 - (number mod 97), Corsica 2A/2B read as 19/18."""
    numeric = body13[:5] + {"2A": "19", "2B": "18"}.get(body13[5:7], body13[5:7]) + body13[7:]
    return f"{97 - int(numeric) % 97:02d}"


def with_key(body13: str) -> str:
    assert len(body13) == 13
    return body13 + nir_key(body13)


def wrong_key(body13: str) -> str:
    good = int(nir_key(body13))
    return body13 + f"{(good % 97) + 1:02d}"


# A woman born in March 1955 in Paris 14e (75114), serial 123.
NIR_WOMAN_1955 = with_key("2550375114123")
# A man born in August 1960 in Ajaccio (2A004).
NIR_CORSICA_2A = with_key("160082A004017")
# A woman born in 1971 in Bastia (2B033).
NIR_CORSICA_2B = with_key("271122B033250")
# A NIA (first digit 7: a man), born abroad (99) in 1980.
NIA_MAN_1980 = with_key("7800199350021")
