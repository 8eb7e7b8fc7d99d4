"""Referral directory (HSDS 3.x tables) and referrals.

The FTS5 search index is derived data, created and rebuilt by app.directory.search.

Revision ID: 0003
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = ("directory",)
depends_on = ("0002",)  # referral -> contact, person


def upgrade() -> None:
    op.create_table('dir_location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('location_type', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('alternate_name', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('transportation', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_location')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_location_hsds_id'))
    )
    op.create_table('dir_organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('alternate_name', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_organization')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_organization_hsds_id'))
    )
    op.create_table('dir_taxonomy_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=100), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('parent_hsds_id', sa.String(length=64), nullable=True),
    sa.Column('taxonomy', sa.String(length=200), nullable=True),
    sa.Column('taxonomy_hsds_id', sa.String(length=64), nullable=True),
    sa.Column('language', sa.String(length=20), nullable=True),
    sa.Column('term_uri', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_taxonomy_term')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_taxonomy_term_hsds_id'))
    )
    op.create_table('dir_address',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('attention', sa.String(length=200), nullable=True),
    sa.Column('address_1', sa.String(length=300), nullable=False),
    sa.Column('address_2', sa.String(length=300), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('state_province', sa.String(length=100), nullable=False),
    sa.Column('postal_code', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('address_type', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['dir_location.id'], name=op.f('fk_dir_address_location_id_dir_location'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_address')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_address_hsds_id'))
    )
    op.create_index(op.f('ix_dir_address_location_id'), 'dir_address', ['location_id'], unique=False)
    op.create_table('dir_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('sort_name', sa.String(length=300), nullable=False),
    sa.Column('alternate_name', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('interpretation_services', sa.Text(), nullable=True),
    sa.Column('application_process', sa.Text(), nullable=True),
    sa.Column('fees_description', sa.Text(), nullable=True),
    sa.Column('wait_time', sa.Text(), nullable=True),
    sa.Column('eligibility_description', sa.Text(), nullable=True),
    sa.Column('minimum_age', sa.Integer(), nullable=True),
    sa.Column('maximum_age', sa.Integer(), nullable=True),
    sa.Column('alert', sa.Text(), nullable=True),
    sa.Column('assured_date', sa.Date(), nullable=True),
    sa.Column('last_modified', sa.DateTime(), nullable=True),
    sa.Column('local_notes', sa.Text(), nullable=False),
    sa.Column('is_free', sa.Boolean(), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('closed_on_holidays', sa.Boolean(), nullable=False),
    sa.Column('added_by_hand', sa.Boolean(), nullable=False),
    sa.Column('locally_edited_at', sa.DateTime(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['dir_organization.id'], name=op.f('fk_dir_service_organization_id_dir_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_service')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_service_hsds_id'))
    )
    op.create_index(op.f('ix_dir_service_is_free'), 'dir_service', ['is_free'], unique=False)
    op.create_index(op.f('ix_dir_service_organization_id'), 'dir_service', ['organization_id'], unique=False)
    op.create_index(op.f('ix_dir_service_sort_name'), 'dir_service', ['sort_name'], unique=False)
    op.create_index(op.f('ix_dir_service_status'), 'dir_service', ['status'], unique=False)
    op.create_index(op.f('ix_dir_service_walk_in'), 'dir_service', ['walk_in'], unique=False)
    op.create_table('dir_phone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('extension', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=20), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['dir_location.id'], name=op.f('fk_dir_phone_location_id_dir_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['dir_organization.id'], name=op.f('fk_dir_phone_organization_id_dir_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_dir_phone_service_id_dir_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_phone')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_phone_hsds_id'))
    )
    op.create_index(op.f('ix_dir_phone_location_id'), 'dir_phone', ['location_id'], unique=False)
    op.create_index(op.f('ix_dir_phone_organization_id'), 'dir_phone', ['organization_id'], unique=False)
    op.create_index(op.f('ix_dir_phone_service_id'), 'dir_phone', ['service_id'], unique=False)
    op.create_table('dir_service_at_location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['dir_location.id'], name=op.f('fk_dir_service_at_location_location_id_dir_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_dir_service_at_location_service_id_dir_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_service_at_location')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_service_at_location_hsds_id'))
    )
    op.create_index('ix_dir_service_at_location_location', 'dir_service_at_location', ['location_id', 'service_id'], unique=False)
    op.create_index('ix_dir_service_at_location_service', 'dir_service_at_location', ['service_id', 'location_id'], unique=False)
    op.create_table('dir_service_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('link_type', sa.String(length=100), nullable=True),
    sa.Column('value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_dir_service_term_service_id_dir_service'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['term_id'], ['dir_taxonomy_term.id'], name=op.f('fk_dir_service_term_term_id_dir_taxonomy_term'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_service_term')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_service_term_hsds_id'))
    )
    op.create_index('ix_dir_service_term_service', 'dir_service_term', ['service_id', 'term_id'], unique=False)
    op.create_index('ix_dir_service_term_term', 'dir_service_term', ['term_id', 'service_id'], unique=False)
    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('service_hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_name', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_referral_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_referral_person_id_person')),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_referral_service_id_dir_service'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('uid', name=op.f('uq_referral_uid'))
    )
    op.create_index(op.f('ix_referral_contact_id'), 'referral', ['contact_id'], unique=False)
    op.create_index('ix_referral_follow_up', 'referral', ['follow_up_done', 'follow_up_on'], unique=False)
    op.create_index(op.f('ix_referral_person_id'), 'referral', ['person_id'], unique=False)
    op.create_index(op.f('ix_referral_service_id'), 'referral', ['service_id'], unique=False)
    op.create_table('dir_language',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('phone_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.Column('code', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['dir_location.id'], name=op.f('fk_dir_language_location_id_dir_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['phone_id'], ['dir_phone.id'], name=op.f('fk_dir_language_phone_id_dir_phone'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_dir_language_service_id_dir_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_language')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_language_hsds_id'))
    )
    op.create_index('ix_dir_language_code_links', 'dir_language', ['code', 'service_id', 'location_id'], unique=False)
    op.create_index(op.f('ix_dir_language_location_id'), 'dir_language', ['location_id'], unique=False)
    op.create_index(op.f('ix_dir_language_phone_id'), 'dir_language', ['phone_id'], unique=False)
    op.create_index(op.f('ix_dir_language_service_id'), 'dir_language', ['service_id'], unique=False)
    op.create_table('dir_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hsds_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('service_at_location_id', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('dtstart', sa.Date(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('timezone', sa.Float(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('wkst', sa.String(length=2), nullable=True),
    sa.Column('freq', sa.String(length=10), nullable=True),
    sa.Column('interval', sa.Integer(), nullable=True),
    sa.Column('byday', sa.String(length=40), nullable=True),
    sa.Column('byweekno', sa.String(length=200), nullable=True),
    sa.Column('bymonthday', sa.String(length=200), nullable=True),
    sa.Column('byyearday', sa.String(length=400), nullable=True),
    sa.Column('opens_at', sa.String(length=8), nullable=True),
    sa.Column('closes_at', sa.String(length=8), nullable=True),
    sa.Column('day_mask', sa.Integer(), nullable=False),
    sa.Column('opens_min', sa.Integer(), nullable=True),
    sa.Column('closes_min', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('schedule_link', sa.String(length=500), nullable=True),
    sa.Column('attending_type', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['dir_location.id'], name=op.f('fk_dir_schedule_location_id_dir_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_at_location_id'], ['dir_service_at_location.id'], name=op.f('fk_dir_schedule_service_at_location_id_dir_service_at_location'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['dir_service.id'], name=op.f('fk_dir_schedule_service_id_dir_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dir_schedule')),
    sa.UniqueConstraint('hsds_id', name=op.f('uq_dir_schedule_hsds_id'))
    )
    op.create_index(op.f('ix_dir_schedule_location_id'), 'dir_schedule', ['location_id'], unique=False)
    op.create_index('ix_dir_schedule_running', 'dir_schedule', ['day_mask', 'opens_min', 'closes_min', 'service_id', 'service_at_location_id', 'location_id'], unique=False)
    op.create_index(op.f('ix_dir_schedule_service_at_location_id'), 'dir_schedule', ['service_at_location_id'], unique=False)
    op.create_index(op.f('ix_dir_schedule_service_id'), 'dir_schedule', ['service_id'], unique=False)


def downgrade() -> None:
    op.drop_table("referral")
    op.execute("DROP TABLE IF EXISTS dir_service_fts")  # derived search index, see app.directory.search
    for table in (
        "dir_schedule", "dir_language", "dir_service_term", "dir_service_at_location", "dir_phone",
        "dir_service", "dir_address", "dir_taxonomy_term", "dir_organization", "dir_location",
    ):
        op.drop_table(table)
