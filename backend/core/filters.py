"""List filters from query strings."""


def where_equal(statement, model, filters, *names):
    """Narrow `statement` to rows whose column equals each of `names` present in `filters`."""
    for name in names:
        if name in filters:
            statement = statement.where(getattr(model, name) == filters[name])
    return statement
