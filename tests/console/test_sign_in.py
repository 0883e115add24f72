"""Signing in and out of the console, and who it is for."""
import re

from playwright.sync_api import expect

from tests.console.conftest import (
    DEMO_PASSWORD, STATION_CHIEF, VOLUNTEER, screenshot, serious_accessibility_violations, sign_in,
)


def test_station_chief_signs_in_with_the_phone_as_typed_and_out_again(page):
    page.goto("/")  # the service's root leads to the console
    expect(page).to_have_url(re.compile(r"/console/signin"))
    assert not serious_accessibility_violations(page)
    screenshot(page, "sign-in")

    sign_in(page, phone="010 0000 0002")
    who = page.get_by_test_id("who")
    expect(who).to_contain_text("박정훈")
    expect(who).to_contain_text("관서장")
    expect(who).to_contain_text("안양동안경찰서")
    # The token lives in memory only; nothing of the session is left in web storage.
    assert page.evaluate("localStorage.length + sessionStorage.length") <= 1
    assert page.evaluate("Object.keys(localStorage).every(key => key === 'patrol-console-locale')")
    assert "patrol_refresh_token" not in page.evaluate("document.cookie")

    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("heading", name="콘솔 로그인")).to_be_visible()
    page.reload()
    expect(page).to_have_url(re.compile(r"/console/signin"))


def test_a_reload_keeps_the_session_by_its_refresh_cookie(page):
    sign_in(page)
    page.reload()
    expect(page.get_by_test_id("who")).to_contain_text("박정훈")


def test_a_wrong_password_is_explained_in_the_readers_language(page):
    page.goto("/console/signin")
    page.get_by_label("휴대전화 번호").fill(STATION_CHIEF)
    page.get_by_label("비밀번호").fill(DEMO_PASSWORD + "x")
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("alert")).to_contain_text("전화번호 또는 비밀번호가 올바르지 않습니다")


def test_a_volunteer_is_told_the_console_is_for_station_staff_and_group_leaders(page):
    sign_in(page, phone=VOLUNTEER)
    expect(page.get_by_role("heading", name="이 콘솔은 경찰관서 직원과 방범대 대장용입니다")).to_be_visible()
    expect(page.get_by_role("navigation")).to_have_count(0)
    assert not serious_accessibility_violations(page)
    page.goto("/console/zones")
    expect(page).to_have_url(re.compile(r"/console/not-for-you"))


def test_the_english_switch_is_remembered(page):
    sign_in(page)
    page.get_by_label("언어").select_option("en")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("who")).to_contain_text("Station chief")


def test_the_footer_leads_app_developers_to_the_api_documentation(page):
    sign_in(page)
    page.get_by_role("link", name="API 문서").click()
    expect(page).to_have_url(re.compile(r"/api/v1/docs$"))
