"""Extensions, created unbound and attached to the app in create_app()."""
from flask_jwt_extended import JWTManager, get_jwt_identity, verify_jwt_in_request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from sqlalchemy import MetaData

from backend.errors import ProblemSchema

# Stable constraint names, so migrations can refer to them (CONVENTIONS rule 8).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class PatrolApi(Api):
    # Error responses in the spec show the problem+json body we really send.
    ERROR_SCHEMA = ProblemSchema


db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
api = PatrolApi()
jwt = JWTManager()
talisman = Talisman()
def caller_key():
    """Rate limits count per signed-in person (phones share carrier addresses), else per address."""
    identity = get_jwt_identity() if verify_jwt_in_request(optional=True) else None
    return f"user:{identity}" if identity else f"address:{get_remote_address()}"


limiter = Limiter(key_func=caller_key)
