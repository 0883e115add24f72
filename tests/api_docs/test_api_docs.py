"""The API's front page: an index, and Swagger UI over the live spec, served from this
origin only (no CDN) under a policy that lets the page load nothing from elsewhere."""
import re

import pytest

DOCS = "/api/v1/docs"


def loaded_urls(html):
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_the_index_links_the_spec_and_the_docs(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    index = response.get_json()
    assert index["name"] == "Joint Patrol API"
    assert index["links"] == {"openapi": "/api/v1/openapi.json", "docs": DOCS, "console": "/console/"}
    assert client.get(index["links"]["openapi"]).get_json()["info"]["title"] == "Joint Patrol API"
    assert client.get(index["links"]["docs"]).status_code == 200


def test_the_docs_page_loads_swagger_ui_over_the_live_spec_from_this_origin(client):
    page = client.get(DOCS)
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert 'data-spec-url="/api/v1/openapi.json"' in html
    urls = loaded_urls(html)
    assert urls and all(url.startswith("/api/v1/docs/") for url in urls)  # same origin, no CDN
    assert "<script>" not in html  # nothing inline for the policy to allow
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.mimetype in ("text/css", "text/javascript")
    assert b"SwaggerUIBundle" in client.get("/api/v1/docs/swagger-ui-bundle.js").data


def test_the_docs_page_may_load_from_its_own_origin_only(client):
    policy = client.get(DOCS).headers["Content-Security-Policy"]
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy
    assert set(directives) <= {"default-src", "img-src", "base-uri", "form-action", "frame-ancestors"}
    # The API itself still allows nothing.
    assert client.get("/api/v1/").headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"


@pytest.mark.parametrize("path", ["index.html", "oauth2-redirect.html", "..%2fconfig.py", "swagger-initializer.js"])
def test_only_the_assets_the_page_uses_are_served(client, path):
    assert client.get(f"{DOCS}/{path}").status_code == 404


def test_the_docs_are_not_operations_of_the_api(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "/api/v1/" in paths
    assert not [path for path in paths if path.startswith(DOCS)]
