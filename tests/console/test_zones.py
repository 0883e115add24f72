"""The zone map page: the station's zones on a map and in a list; drawing, renaming,
reshaping and deleting zones; importing GeoJSON and seeing where a refused file is wrong."""
import json

import pytest
from playwright.sync_api import expect

from tests.console.conftest import (
    GROUP_LEADER,
    screenshot,
    serious_accessibility_violations,
    sign_in,
    unique,
)

# Seeded zones of 안양동안경찰서, the demo station chief's station (seed/zones.geojson).
SEEDED = ["범계역 광장", "범계 로데오거리", "호계동 주택가 여성안심구역", "범계역 → 호계동 안심귀갓길", "GS25 범계중앙점 (안심지킴이집)"]
IN_USE = "범계역 광장"  # the demo patrol's zone
POLYGON_TOOL = "다각형 구역 그리기 (다중밀집지역·여성안심구역)"

# East of the seeded zones; crosses itself at 126.957, 37.384.
BOW_TIE = [[[126.956, 37.383], [126.958, 37.385], [126.958, 37.383], [126.956, 37.385], [126.956, 37.383]]]
# Its last position is not its first.
OPEN_RING = [[126.9610, 37.3860], [126.9625, 37.3860], [126.9625, 37.3870], [126.9612, 37.3871]]
SQUARE = [[[126.9440, 37.3860], [126.9452, 37.3860], [126.9452, 37.3870], [126.9440, 37.3870], [126.9440, 37.3860]]]


def feature(name, kind, geometry):
    return {"type": "Feature", "geometry": geometry, "properties": {"name": name, "kind": kind}}


def open_zones(page, phone=None):
    sign_in(page, *([phone] if phone else []))
    page.get_by_role("navigation").get_by_role("link", name="구역 지도").click()
    expect(page.get_by_role("heading", level=1, name="구역 지도")).to_be_visible()
    expect(zone_list(page).get_by_role("button", name="범계역 광장")).to_be_visible()


def zone_list(page):
    return page.get_by_role("list", name="구역 목록")


def list_item(page, name):
    return zone_list(page).get_by_role("button", name=name)


def import_file(page, tmp_path, features):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    page.get_by_label("GeoJSON 파일 (FeatureCollection)").set_input_files(path)
    page.get_by_role("button", name="가져오기", exact=True).click()


def draw(page, tool, points, finish_on):
    """Click `points` (fractions of the map's width and height) with a Geoman tool, then the
    point that finishes the shape (a polygon's first corner, a line's last point)."""
    page.get_by_role("button", name=tool).click()
    box = page.get_by_role("application", name="관서 구역 지도").bounding_box()
    for fx, fy in [*points, points[finish_on]]:
        page.mouse.click(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)


def delete_zone(page, name):
    """Delete a zone by the page, so the map's first view (all zones) stays as seeded."""
    list_item(page, name).click()
    page.get_by_role("button", name="구역 삭제").click()
    page.get_by_role("button", name="삭제 확인").click()
    expect(list_item(page, name)).to_have_count(0)


def test_the_seeded_zones_are_on_the_map_and_in_the_list(page):
    open_zones(page)
    for name in SEEDED:
        expect(list_item(page, name)).to_be_visible()
    expect(list_item(page, "안양 일번가")).to_have_count(0)  # another station's zone
    # Polygons and the route (line and corridor) are paths; safe houses are symbols.
    assert page.locator(".leaflet-overlay-pane path").count() >= 7
    expect(page.locator(".zone-symbol--safe_house")).to_have_count(4)
    legend = page.get_by_role("region", name="범례")
    for kind in ("다중밀집지역", "여성안심구역", "안심귀갓길", "여성 안심 지킴이집"):
        expect(legend.get_by_text(kind)).to_be_visible()
    # Labels name every kind's drawing tool for screen readers and tests alike.
    for tool in (POLYGON_TOOL, "안심귀갓길 선 그리기", "안심 지킴이집 점 찍기"):
        expect(page.get_by_role("button", name=tool)).to_be_visible()
    assert serious_accessibility_violations(page) == []
    # The README's picture (console/docs/ keeps a copy): the map on a 1366×768 laptop.
    screenshot(page, "zones-map")

    # Picking on the map marks the zone in the list; picking in the list marks it on the map.
    page.get_by_title("GS25 범계중앙점 (안심지킴이집)").click()
    expect(list_item(page, "GS25 범계중앙점 (안심지킴이집)")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".zone-symbol--safe_house.is-selected")).to_have_count(1)
    list_item(page, "호계동 주택가 여성안심구역").click()
    expect(list_item(page, "호계동 주택가 여성안심구역")).to_have_attribute("aria-pressed", "true")
    expect(list_item(page, "GS25 범계중앙점 (안심지킴이집)")).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("heading", name="선택한 구역: 호계동 주택가 여성안심구역")).to_be_visible()
    expect(page.locator(".zone-symbol--safe_house.is-selected")).to_have_count(0)
    page.get_by_role("button", name="이름·폭 바꾸기").click()
    screenshot(page, "zones-selected")


def test_a_women_safe_zone_is_drawn_with_the_toolbar_and_saved(page):
    open_zones(page)
    # The map's left middle holds no zone (nothing to snap to): a square there.
    draw(page, POLYGON_TOOL, [(0.08, 0.50), (0.22, 0.50), (0.22, 0.62), (0.08, 0.62)], finish_on=0)
    expect(page.get_by_role("heading", name="새 구역 저장")).to_be_visible()
    kinds = page.get_by_label("구역 종류").locator("option")
    expect(kinds).to_have_text(["다중밀집지역", "여성안심구역", "기타"])  # only what a polygon may be
    name = unique("그린 여성안심구역")
    page.get_by_label("구역 이름").fill(name)
    page.get_by_label("구역 종류").select_option(label="여성안심구역")
    page.get_by_role("button", name="구역 저장").click()
    expect(page.get_by_test_id("zones-status")).to_contain_text(name)
    expect(list_item(page, name)).to_have_attribute("aria-pressed", "true")
    expect(list_item(page, name)).to_contain_text("여성안심구역")

    page.reload()
    expect(list_item(page, name)).to_be_visible()
    delete_zone(page, name)


def test_a_route_is_drawn_with_its_corridor_width(page):
    open_zones(page)
    draw(page, "안심귀갓길 선 그리기", [(0.10, 0.75), (0.18, 0.80), (0.26, 0.78)], finish_on=-1)
    expect(page.get_by_label("구역 종류").locator("option")).to_have_text(["안심귀갓길", "기타"])
    name = unique("그린 안심귀갓길")
    page.get_by_label("구역 이름").fill(name)
    page.get_by_label("안심귀갓길 폭 (선 양쪽, 미터)").fill("45")
    page.get_by_role("button", name="구역 저장").click()
    expect(list_item(page, name)).to_contain_text("안심귀갓길 · 폭 45m")
    delete_zone(page, name)


def test_a_self_intersecting_drawing_is_marked_where_it_crosses(page):
    open_zones(page)
    # A bow tie (below the toolbar's buttons): its second and fourth edges cross in the middle.
    draw(page, POLYGON_TOOL, [(0.08, 0.40), (0.22, 0.52), (0.22, 0.40), (0.08, 0.52)], finish_on=0)
    page.get_by_label("구역 이름").fill(unique("엇갈린 구역"))
    page.get_by_role("button", name="구역 저장").click()
    expect(page.get_by_role("alert")).to_contain_text("GEOMETRY_SELF_INTERSECTION")
    expect(page.get_by_text("다각형의 변이 서로 교차합니다(자기 교차)")).to_be_visible()
    fault = page.locator(".zone-fault")
    expect(fault).to_have_count(1)
    # The ✕ sits where the edges cross: the middle of the drawn bow tie.
    box = page.get_by_role("application", name="관서 구역 지도").bounding_box()
    mark = fault.bounding_box()
    assert abs(mark["x"] + mark["width"] / 2 - (box["x"] + box["width"] * 0.15)) < 6
    assert abs(mark["y"] + mark["height"] / 2 - (box["y"] + box["height"] * 0.46)) < 6
    page.get_by_role("button", name="그린 도형 버리기").click()
    expect(fault).to_have_count(0)


def test_a_zone_is_renamed_reshaped_and_deleted(page, tmp_path):
    open_zones(page)
    name = unique("가져온 구역")
    import_file(page, tmp_path, [feature(name, "dense_area", {"type": "Polygon", "coordinates": SQUARE})])
    expect(page.get_by_test_id("zones-status")).to_contain_text("구역 1개를 가져왔습니다")
    list_item(page, name).click()

    page.get_by_role("button", name="이름·폭 바꾸기").click()
    renamed = unique("새 이름")
    page.get_by_label("구역 이름").fill(renamed)
    page.get_by_role("button", name="변경 저장").click()
    expect(list_item(page, renamed)).to_be_visible()
    expect(list_item(page, name)).to_have_count(0)

    # Reshape: Geoman's corner handles appear, and saving sends the shape back.
    page.get_by_role("button", name="모양 수정").click()
    expect(page.locator(".marker-icon").first).to_be_visible()
    handle = page.locator(".marker-icon").first.bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(handle["x"] - 30, handle["y"] - 30, steps=5)
    page.mouse.up()
    page.get_by_role("button", name="모양 저장").click()
    expect(page.get_by_test_id("zones-status")).to_contain_text(renamed)
    expect(page.locator(".marker-icon")).to_have_count(0)

    page.get_by_role("button", name="구역 삭제").click()
    page.get_by_role("button", name="삭제 확인").click()
    expect(page.get_by_test_id("zones-status")).to_contain_text(f"'{renamed}' 구역을 삭제했습니다")
    expect(list_item(page, renamed)).to_have_count(0)
    page.reload()
    expect(list_item(page, "범계역 광장")).to_be_visible()
    expect(list_item(page, renamed)).to_have_count(0)


def test_deleting_a_zone_a_patrol_uses_is_refused_with_the_reason(page):
    open_zones(page)
    list_item(page, IN_USE).click()
    page.get_by_role("button", name="구역 삭제").click()
    page.get_by_role("button", name="삭제 확인").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("이 구역을 쓰는 순찰이 있습니다")
    expect(alert).to_contain_text("ZONE_IN_USE")
    expect(list_item(page, IN_USE)).to_be_visible()


def test_a_refused_import_points_out_each_failing_feature(page, tmp_path):
    open_zones(page)
    valid = unique("정상 구역")
    import_file(page, tmp_path, [
        feature(valid, "dense_area", {"type": "Polygon", "coordinates": SQUARE}),
        feature("엇갈린 다각형", "women_safe_zone", {"type": "Polygon", "coordinates": BOW_TIE}),
        feature("점으로 된 안심구역", "women_safe_zone", {"type": "Point", "coordinates": [126.9600, 37.3840]}),
        feature("열린 다각형", "dense_area", {"type": "Polygon", "coordinates": [OPEN_RING]}),
    ])
    expect(page.get_by_role("alert")).to_contain_text("GEOMETRY_SELF_INTERSECTION")
    refused = page.get_by_role("region", name="가져오지 못한 구역 3개 (아무것도 저장되지 않았습니다)")
    items = refused.locator("li[data-feature-index]")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("2번째 구역: 엇갈린 다각형")
    expect(items.nth(0)).to_contain_text("다각형의 변이 서로 교차합니다(자기 교차)")
    expect(items.nth(0)).to_contain_text("위치: 37.38400, 126.95700")
    expect(items.nth(1)).to_contain_text("3번째 구역: 점으로 된 안심구역")
    expect(items.nth(1)).to_contain_text("GEOMETRY_TYPE_MISMATCH")
    expect(items.nth(1)).to_contain_text("구역 종류에 맞지 않는 도형입니다")
    expect(items.nth(2)).to_contain_text("4번째 구역: 열린 다각형")
    expect(items.nth(2)).to_contain_text("다각형이 닫혀 있지 않습니다")
    expect(items.nth(2)).to_contain_text("위치: 37.38600, 126.96100 · 37.38710, 126.96120")
    # On the map: each drawn in the error style with its number; a ✕ where the edges cross
    # and at the open ring's two ends.
    expect(page.locator(".zone-label--refused")).to_have_text(["2 엇갈린 다각형", "3 점으로 된 안심구역", "4 열린 다각형"])
    expect(page.locator(".zone-fault")).to_have_count(3)
    expect(page.locator(".zone-symbol--refused")).to_have_count(1)
    # All or nothing: the valid feature was not stored either.
    expect(list_item(page, valid)).to_have_count(0)
    assert serious_accessibility_violations(page) == []
    screenshot(page, "zones-import-errors")
    # Each refused feature can be found from the list by keyboard.
    items.nth(1).get_by_role("button", name="지도에서 보기").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".zone-symbol--refused")).to_be_in_viewport()


def test_a_group_leader_sees_the_zones_but_changes_none(page):
    open_zones(page, GROUP_LEADER)
    expect(page.get_by_text("구역은 관서장·코디네이터가 그리고 고칩니다")).to_be_visible()
    expect(page.get_by_role("button", name=POLYGON_TOOL)).to_have_count(0)
    expect(page.get_by_label("GeoJSON 파일 (FeatureCollection)")).to_have_count(0)
    list_item(page, IN_USE).click()
    expect(page.get_by_role("heading", name=f"선택한 구역: {IN_USE}")).to_be_visible()
    expect(page.get_by_role("button", name="구역 삭제")).to_have_count(0)


def test_the_page_speaks_english_and_works_by_keyboard(page):
    open_zones(page)
    page.get_by_label("언어").select_option("en")
    expect(page.get_by_role("heading", level=1, name="Zone map")).to_be_visible()
    expect(page.get_by_role("button", name="Draw a polygon zone (dense area, women-safe zone)")).to_be_visible()
    item = page.get_by_role("list", name="Zone list").get_by_role("button", name="범계 로데오거리")
    expect(item).to_contain_text("Dense area")
    item.focus()
    page.keyboard.press("Enter")
    expect(item).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("heading", name="Selected zone: 범계 로데오거리")).to_be_visible()
    page.keyboard.press("Tab")  # past the list, on to the import: a keyboard way to add zones
    expect(page.get_by_label("GeoJSON file (FeatureCollection)")).to_be_visible()


@pytest.mark.parametrize("width, height", [(1024, 768)])
def test_the_page_fits_a_tablet(page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_zones(page)
    map_box = page.get_by_role("application", name="관서 구역 지도").bounding_box()
    list_box = zone_list(page).bounding_box()
    assert map_box["width"] > 500 and map_box["height"] > 400
    assert list_box["x"] >= map_box["x"] + map_box["width"]  # beside the map, not over it
    assert list_box["x"] + list_box["width"] <= width
    screenshot(page, "zones-tablet")
