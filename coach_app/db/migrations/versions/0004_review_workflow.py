"""review workflow: calibration sessions, disputes, review assignments, skipped self-assessments

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calibration_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('calibration_item',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['calibration_session.id'], ),
    sa.PrimaryKeyConstraint('session_id', 'interaction_id')
    )
    op.create_table('calibration_reviewer',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['calibration_session.id'], ),
    sa.PrimaryKeyConstraint('session_id', 'person_id')
    )
    op.create_table('calibration_verdict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint("status IN ('met', 'not_met', 'na')", name='ck_calibration_verdict_status'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['calibration_session.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'interaction_id', 'criterion_id', name='uq_calibration_verdict')
    )
    with op.batch_alter_table('calibration_verdict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calibration_verdict_session_id'), ['session_id'], unique=False)

    op.create_table('review_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('assigned_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['reviewer_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id', 'reviewer_id', name='uq_assignment')
    )
    with op.batch_alter_table('review_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_assignment_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_assignment_reviewer_id'), ['reviewer_id'], unique=False)

    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('from_status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('wanted_status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=False),
    sa.Column('opened_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'accepted', 'rejected')", name='ck_dispute_status'),
    sa.CheckConstraint("wanted_status IN ('met', 'not_met', 'na')", name='ck_dispute_wanted'),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['opened_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_status'), ['status'], unique=False)

    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calibration_session_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('skipped', sa.Boolean(), nullable=True))
        batch_op.create_index(batch_op.f('ix_evaluation_calibration_session_id'), ['calibration_session_id'], unique=False)
        batch_op.create_foreign_key('fk_evaluation_calibration_session', 'calibration_session', ['calibration_session_id'], ['id'])

    # roles are now enforced: a workspace from before has no admin, so its first person who is not
    # an agent (whoever set it up and reviewed in it) becomes the admin who can add the others
    op.execute("UPDATE person SET role = 'admin' WHERE id = (SELECT MIN(id) FROM person WHERE role <> 'agent') "
               "AND NOT EXISTS (SELECT 1 FROM person WHERE role = 'admin')")



def downgrade() -> None:
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_evaluation_calibration_session', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_evaluation_calibration_session_id'))
        batch_op.drop_column('skipped')
        batch_op.drop_column('calibration_session_id')

    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_status'))
        batch_op.drop_index(batch_op.f('ix_dispute_interaction_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_evaluation_id'))

    op.drop_table('dispute')
    with op.batch_alter_table('review_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_assignment_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_review_assignment_interaction_id'))

    op.drop_table('review_assignment')
    with op.batch_alter_table('calibration_verdict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calibration_verdict_session_id'))

    op.drop_table('calibration_verdict')
    op.drop_table('calibration_reviewer')
    op.drop_table('calibration_item')
    op.drop_table('calibration_session')
