"""The API documentation app developers open from the console's footer, in a real browser."""
from playwright.sync_api import expect

from tests.console.conftest import screenshot


def test_the_documentation_renders_every_operation_from_the_live_spec(page):
    page.goto("/api/v1/docs")
    expect(page.get_by_text("Joint Patrol API").first).to_be_visible()
    # Swagger UI lists operations by their summaries, grouped by tag.
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() > 50
    page.get_by_text("Sign in with phone and password").first.click()
    screenshot(page, "api-docs", full_page=False)
    # The operation opens with its example body.
    expect(page.get_by_text("010-2345-6789").first).to_be_visible()
