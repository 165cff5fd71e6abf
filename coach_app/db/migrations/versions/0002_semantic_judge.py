"""semantic judge: utterance embeddings and verdict confidence

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('utterance_embedding',
    sa.Column('model_id', sa.String(length=100), nullable=False),
    sa.Column('text_key', sa.String(length=64), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('model_id', 'text_key')
    )
    with op.batch_alter_table('criterion_result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('criterion_result', schema=None) as batch_op:
        batch_op.drop_column('confidence')
    op.drop_table('utterance_embedding')
