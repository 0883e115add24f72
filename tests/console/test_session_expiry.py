"""A session that ends while someone is typing: they sign in again over the page, and what
they typed is saved, once."""
import psycopg
from playwright.sync_api import expect

from tests.console.api_helpers import Api, fresh_phone
from tests.console.conftest import DEMO_PASSWORD, STATION_CHIEF, console_database_url, sign_in, unique


def end_every_session_of(phone_e164):
    """What an expiry or a sign-out elsewhere does: the server no longer honours the tokens."""
    with psycopg.connect(console_database_url()) as connection:
        ended = connection.execute(
            "UPDATE auth_sessions SET revoked_at = now() WHERE revoked_at IS NULL"
            " AND user_id = (SELECT id FROM users WHERE phone = %s)",
            (phone_e164,),
        ).rowcount
    assert ended >= 1


def test_the_session_expiring_mid_form_loses_nothing_typed(page, base_url):
    name = unique("만료 중 등록")
    sign_in(page)
    page.goto("/console/people")
    page.get_by_label("이름", exact=True).fill(name)
    page.get_by_label("휴대전화 번호").fill(fresh_phone())
    page.get_by_label("처음 비밀번호").fill("밤길은-함께-걸어요-2026")

    end_every_session_of("+821000000002")
    page.get_by_role("button", name="등록").click()

    dialog = page.get_by_role("dialog", name="다시 로그인해 주세요")
    expect(dialog).to_be_visible()
    # The form is still there behind the dialog, as it was typed.
    expect(page.get_by_label("이름", exact=True)).to_have_value(name)
    dialog.get_by_label("휴대전화 번호").fill(STATION_CHIEF)
    dialog.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    dialog.get_by_role("button", name="로그인").click()

    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status").first).to_contain_text(f"{name} 님을 등록했습니다")
    assert len(Api(base_url).call("GET", "/users", params={"q": name})) == 1
