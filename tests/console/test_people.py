"""The people and groups page: groups and their members, people registered, added to a
group, given a role and deactivated; phone numbers only for those the API shows them to."""
from playwright.sync_api import expect

from tests.console.api_helpers import BEOMGYE_GROUP, Api, fresh_phone
from tests.console.conftest import GROUP_LEADER, screenshot, serious_accessibility_violations, sign_in, unique


def test_the_chief_registers_a_person_adds_them_to_a_group_changes_their_role_and_deactivates_them(page, base_url):
    api = Api(base_url)
    group = api.call("POST", "/groups", json={"name": unique("사람 점검 방범대"), "kind": "community", "station_id": api.me["station_id"]})
    name = unique("새대원")

    sign_in(page)
    page.goto("/console/people")
    page.get_by_label("이름", exact=True).fill(name)
    page.get_by_label("휴대전화 번호").fill(fresh_phone())
    page.get_by_label("역할", exact=True).select_option("volunteer")
    page.get_by_label("처음 비밀번호").fill("밤길은-함께-걸어요-2026")
    page.get_by_role("button", name="등록").click()
    expect(page.get_by_role("status")).to_contain_text(f"{name} 님을 등록했습니다")
    directory = page.get_by_test_id("directory")
    expect(directory.get_by_role("row", name=name)).to_contain_text("자율방범대원")

    # Into the group: found by name among the station's people.
    page.get_by_role("button", name=group["name"]).click()
    members = page.get_by_test_id("group-members")
    expect(members).to_contain_text("구성원이 없습니다")
    page.get_by_label("이름으로 찾기").fill(name)
    page.get_by_role("button", name="찾기", exact=True).first.click()
    page.get_by_role("button", name="추가", exact=True).click()
    expect(members.get_by_role("row", name=name)).to_be_visible()
    members.get_by_role("button", name=f"대장으로 지정: {name}").click()
    expect(members.get_by_role("row", name=name)).to_contain_text("대장")
    # The chief sees phone numbers.
    expect(members.get_by_test_id("phone-hidden")).to_have_count(0)
    expect(members.get_by_role("row", name=name)).to_contain_text("010-")
    assert not serious_accessibility_violations(page)
    screenshot(page, "people")

    # A role the chief may not give is refused, in the API's words; one they may give is changed.
    directory.get_by_role("button", name=f"관리: {name}").click()
    editor = page.get_by_test_id("person-editor")
    editor.get_by_label("새 역할").select_option("admin")
    editor.get_by_role("button", name="역할 변경").click()
    expect(editor.get_by_role("alert")).to_contain_text("ROLE_NOT_ASSIGNABLE")
    editor.get_by_label("새 역할").select_option("coordinator")
    editor.get_by_role("button", name="역할 변경").click()
    people = page.get_by_role("region", name="관서 사람들")
    expect(people.get_by_role("status")).to_contain_text("코디네이터")
    expect(directory.get_by_role("row", name=name)).to_contain_text("코디네이터")

    editor.get_by_role("button", name="계정 비활성화").click()
    expect(editor).to_contain_text("다시 로그인할 수 없습니다")
    editor.get_by_role("button", name="비활성화 확정").click()
    expect(people.get_by_role("status")).to_contain_text(f"{name} 님의 계정을 비활성화했습니다")
    expect(directory.get_by_role("row", name=name)).to_contain_text("비활성")
    person = api.call("GET", "/users", params={"q": name})[0]
    assert person["is_active"] is False and person["role"] == "coordinator"


def test_the_chief_removes_a_member_and_pages_through_long_lists(page, base_url):
    api = Api(base_url)
    group = api.call("POST", "/groups", json={"name": unique("빼기 점검 방범대"), "kind": "other", "station_id": api.me["station_id"]})
    member = api.create_member("빠질대원", group["id"])

    sign_in(page)
    page.goto("/console/people")
    page.get_by_role("button", name=group["name"]).click()
    members = page.get_by_test_id("group-members")
    members.get_by_role("button", name=f"단체에서 빼기: {member['name']}").click()
    expect(members).to_contain_text("구성원이 없습니다")

    # The station has more people than one page (25): "more" brings the next page.
    rows = page.get_by_test_id("directory").locator("tbody tr")
    expect(rows).to_have_count(25)
    page.get_by_role("button", name="더 보기").last.click()
    expect(rows).not_to_have_count(25)
    assert rows.count() > 25


def test_a_group_leader_sees_their_group_without_the_phones_of_others(page, base_url):
    api = Api(base_url)
    api.create_member("전화숨김", api.group_id())

    sign_in(page, phone=GROUP_LEADER)
    page.goto("/console/people")
    # Only their own group, and no directory of the station.
    expect(page.get_by_role("button", name="평촌동 자율방범대")).to_have_count(0)
    expect(page.get_by_role("heading", name="관서 사람들")).to_have_count(0)
    page.get_by_role("button", name=BEOMGYE_GROUP).click()
    members = page.get_by_test_id("group-members")
    leader_row = members.get_by_role("row", name="정미숙")
    expect(leader_row).to_contain_text("010-0000-0005")  # their own number
    others = members.locator("tbody tr").filter(has_not_text="정미숙")
    expect(others.first).to_be_visible()
    assert others.count() == members.get_by_test_id("phone-hidden").count()
    assert "010-" not in "".join(others.all_inner_texts())
    expect(page.get_by_test_id("phone-note")).to_contain_text("본인과 관서 직원에게만")
    # A leader removes members but appoints no leader, and has no form to add (the API finds them no one).
    expect(members.get_by_role("button", name="대장으로 지정").first).to_have_count(0)
    assert not serious_accessibility_violations(page)
    page.set_viewport_size({"width": 1024, "height": 768})  # a tablet
    screenshot(page, "people-group-leader")

    page.get_by_label("언어").select_option("en")
    expect(page.get_by_role("heading", name=f"Members of {BEOMGYE_GROUP}")).to_be_visible()
    expect(page.get_by_test_id("phone-note")).to_contain_text("only to the person themself and to station staff")
