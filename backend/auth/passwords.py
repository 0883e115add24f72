"""Password hashing with argon2id (argon2-cffi's recommended parameters), and the strength
rule for new passwords (zxcvbn's estimate of how many guesses they take)."""
import threading

import phonenumbers
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.errors import AppError, Bilingual

_hasher = PasswordHasher()
# Verified against when the phone is unknown, so both paths cost the same time. Written out
# rather than hashed at import: hashing takes 64 MiB, which every process loading the app
# would otherwise hold at its peak. Its parameters must be the hasher's own (a test checks),
# or an unknown phone would answer faster or slower than a known one.
_UNKNOWN_USER_HASH = "$argon2id$v=19$m=65536,t=3,p=4$KMldoCwp+d89PNPFNS/p6w$NriN294/i10qZDr/mqn72NWP0r6lYb3tjVLqcZQzwjY"

MIN_LENGTH = 8
MAX_LENGTH = 128
# zxcvbn's score 3: about 10^8 guesses or more, "safely unguessable" against an online attack
# that the sign-in throttle slows down.
MIN_SCORE = 3
# Words a guesser tries first against anyone of this service.
SERVICE_WORDS = ("patrol", "police", "순찰", "방범", "합동순찰", "자율방범대", "경찰", "지구대")

# zxcvbn keeps the user inputs of the password it is judging in a module-level dictionary:
# two judged at once in threads of one process could swap them.
_zxcvbn_lock = threading.Lock()

_GENERAL_HINT = Bilingual("It is short or made of predictable parts.", "짧거나 예측하기 쉬운 조합입니다.")
# What the longest guessable part of the password is, by zxcvbn's match pattern.
_HINTS = {
    "user_inputs": Bilingual(
        "It contains your phone number, your name or this service's words (patrol, 순찰, 방범).",
        "전화번호, 이름 또는 서비스 관련 단어(순찰, 방범 등)가 들어 있습니다.",
    ),
    "passwords": Bilingual("It is among the most common passwords.", "가장 흔히 쓰이는 비밀번호 중 하나입니다."),
    "dictionary": Bilingual("A single word or name is easy to guess.", "단어나 이름 하나만으로는 쉽게 추측됩니다."),
    "spatial": Bilingual("Keyboard patterns such as qwerty are easy to guess.", "qwerty 같은 키보드 배열은 쉽게 추측됩니다."),
    "repeat": Bilingual("Repeated characters or groups are easy to guess.", "같은 문자나 묶음의 반복은 쉽게 추측됩니다."),
    "sequence": Bilingual("Sequences such as abc or 6543 are easy to guess.", "abc, 6543 같은 연속된 문자는 쉽게 추측됩니다."),
    "date": Bilingual("Dates and years are easy to guess.", "날짜와 연도는 쉽게 추측됩니다."),
    "regex": Bilingual("Dates and years are easy to guess.", "날짜와 연도는 쉽게 추측됩니다."),
}


def hash_password(password):
    return _hasher.hash(password)


def verify_password(password_hash, password):
    """True if `password` matches; with no hash (unknown phone) False, after the same work."""
    try:
        matches = _hasher.verify(password_hash or _UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return matches and password_hash is not None


def needs_rehash(password_hash):
    return _hasher.check_needs_rehash(password_hash)


def require_strong(password, *, phone, name):
    """Refuse (PASSWORD_TOO_WEAK, with a hint) a new password that is guessable for this person."""
    hint = weakness(password, phone=phone, name=name)
    if hint is not None:
        raise AppError("PASSWORD_TOO_WEAK", errors={"password": [hint.en]}, hint=hint)


def weakness(password, *, phone, name):
    """None if `password` is strong enough for the person with this phone and name; otherwise
    a Bilingual hint saying what makes it guessable."""
    # Imported on first use: its word lists take memory that processes never judging a
    # password (the push dispatcher, most CLI commands) need not hold.
    from zxcvbn import zxcvbn

    with _zxcvbn_lock:
        result = zxcvbn(password, user_inputs=personal_words(phone, name), max_length=MAX_LENGTH)
    if result["score"] >= MIN_SCORE:
        return None
    guessable = [match for match in result["sequence"] if match["pattern"] != "bruteforce"]
    if not guessable:
        return _GENERAL_HINT
    longest = max(guessable, key=lambda match: len(match["token"]))
    if longest["pattern"] == "dictionary" and longest["dictionary_name"] in _HINTS:
        return _HINTS[longest["dictionary_name"]]
    return _HINTS.get(longest["pattern"], _GENERAL_HINT)


def personal_words(phone, name):
    """What a guesser who knows the person tries first: the phone as people write it and its
    four-digit halves, the name and its parts, and the service's own words."""
    words = []
    if phone:
        number = phonenumbers.parse(phone, "KR")
        national = phonenumbers.national_significant_number(number)  # 1012345678
        local = "0" + national  # 01012345678
        words += [phone, phone.lstrip("+"), national, local, local[3:], local[3:7], local[7:]]
        words.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    if name:
        words += [name, *name.split()]
        if len(name) in (3, 4) and " " not in name:
            words.append(name[1:])  # a Korean given name, after the one-syllable surname
    # Earlier words count as likelier guesses: the person's own before the service's.
    return [*words, *SERVICE_WORDS]
