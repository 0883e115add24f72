"""Korean mobile numbers as people type them, stored in E.164 (+8210...)."""
import phonenumbers


def normalize_korean_mobile(text):
    """Return the E.164 form of a Korean mobile number, or None if it is not one.

    Accepts what people type: 010-1234-5678, 01012345678, +82 10 1234 5678.
    """
    try:
        number = phonenumbers.parse(text, "KR")
    except phonenumbers.NumberParseException:
        return None
    is_korean_mobile = (
        phonenumbers.is_valid_number(number)
        and phonenumbers.region_code_for_number(number) == "KR"
        and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    )
    if not is_korean_mobile:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
