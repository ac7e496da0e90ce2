"""The audit events moved to the office app: the table is renamed, only Django's picture of the
model moves (office/0001 takes it up)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("vusta_party", "0006_audit_event")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="auditevent", table="office_auditevent")
            ],
            state_operations=[migrations.DeleteModel(name="AuditEvent")],
        )
    ]
