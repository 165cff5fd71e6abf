"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rubric',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slug')
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('agent', 'team_lead', 'trainer', 'admin')", name='ck_person_role'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_team_id'), ['team_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=1000), nullable=False),
    sa.Column('managed_path', sa.String(length=1000), nullable=True),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('channels', sa.Integer(), nullable=True),
    sa.Column('sample_rate', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel_type', sa.String(length=10), nullable=False),
    sa.Column('channel_map', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_detail', sa.Text(), nullable=True),
    sa.Column('transcription_model', sa.String(length=300), nullable=True),
    sa.CheckConstraint("channel_type IN ('phone', 'chat')", name='ck_interaction_channel_type'),
    sa.CheckConstraint("kind IN ('audio', 'text')", name='ck_interaction_kind'),
    sa.CheckConstraint("status IN ('imported', 'transcribing', 'transcribed', 'needs_review', 'failed')", name='ck_interaction_status'),
    sa.ForeignKeyConstraint(['agent_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_agent_occurred', ['agent_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_status'), ['status'], unique=False)

    op.create_table('rubric_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rubric_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=50), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['rubric_id'], ['rubric.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('rubric_id', 'content_hash', name='uq_rubric_version_hash')
    )
    with op.batch_alter_table('rubric_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rubric_version_rubric_id'), ['rubric_id'], unique=False)

    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('rubric_version_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('total', sa.Float(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('metrics', sa.JSON(), nullable=True),
    sa.CheckConstraint("kind IN ('automatic', 'self', 'lead', 'calibration')", name='ck_evaluation_kind'),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.ForeignKeyConstraint(['rubric_version_id'], ['rubric_version.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_rubric_version_id'), ['rubric_version_id'], unique=False)

    op.create_table('transcript_segment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=20), nullable=False),
    sa.Column('start_ms', sa.Integer(), nullable=False),
    sa.Column('end_ms', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('words', sa.JSON(), nullable=True),
    sa.CheckConstraint('end_ms >= start_ms', name='ck_segment_times'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interaction_id', 'seq', name='uq_segment_seq')
    )
    with op.batch_alter_table('transcript_segment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transcript_segment_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('transcription_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('model', sa.String(length=300), nullable=True),
    sa.Column('settings', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('wall_ms', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed', 'cancelled')", name='ck_job_status'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transcription_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transcription_job_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transcription_job_status'), ['status'], unique=False)

    op.create_table('criterion_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=True),
    sa.Column('rationale', sa.Text(), nullable=True),
    sa.Column('reviewer_comment', sa.Text(), nullable=True),
    sa.Column('overridden_from', sa.String(length=10), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("status IS NULL OR status IN ('met', 'not_met', 'na')", name='ck_result_status'),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('evaluation_id', 'criterion_id', name='uq_result_criterion')
    )
    with op.batch_alter_table('criterion_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criterion_result_evaluation_id'), ['evaluation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('criterion_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criterion_result_evaluation_id'))

    op.drop_table('criterion_result')
    with op.batch_alter_table('transcription_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transcription_job_status'))
        batch_op.drop_index(batch_op.f('ix_transcription_job_interaction_id'))

    op.drop_table('transcription_job')
    with op.batch_alter_table('transcript_segment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transcript_segment_interaction_id'))

    op.drop_table('transcript_segment')
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_rubric_version_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_interaction_id'))

    op.drop_table('evaluation')
    with op.batch_alter_table('rubric_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rubric_version_rubric_id'))

    op.drop_table('rubric_version')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_status'))
        batch_op.drop_index(batch_op.f('ix_interaction_occurred_at'))
        batch_op.drop_index('ix_interaction_agent_occurred')

    op.drop_table('interaction')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_event')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_team_id'))

    op.drop_table('person')
    op.drop_table('team')
    op.drop_table('rubric')
