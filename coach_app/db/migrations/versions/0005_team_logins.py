"""team logins: the PostgreSQL login that is a person on a team database

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('db_login', sqlmodel.sql.sqltypes.AutoString(length=63), nullable=True))
        batch_op.create_unique_constraint('uq_person_db_login', ['db_login'])


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_constraint('uq_person_db_login', type_='unique')
        batch_op.drop_column('db_login')
