"""Page-number pagination with a capped page size, reported in the X-Pagination header.

Views use `@blp.paginate(**PAGE_SIZES)` (flask-smorest): `?page=2&page_size=50`, and a
page_size above the cap is refused with 422. Services take the PaginationParameters and
return one page of rows, setting item_count so the header carries the total.
"""
from sqlalchemy import func, select

from backend.extensions import db

PAGE_SIZES = {"page_size": 50, "max_page_size": 200}


def paginate(statement, pagination):
    """Run `statement` for one page of ORM rows and record the total for the header."""
    pagination.item_count = db.session.scalar(
        select(func.count()).select_from(statement.order_by(None).subquery())
    )
    if pagination.first_item >= pagination.item_count:
        # Past the end: nothing to fetch (and a page number in the billions would not even
        # fit the database's OFFSET).
        return []
    page = statement.limit(pagination.page_size).offset(pagination.first_item)
    return db.session.scalars(page).all()
