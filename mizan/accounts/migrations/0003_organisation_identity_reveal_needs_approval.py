from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_staff_account_security")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="identity_reveal_needs_approval",
            field=models.BooleanField(
                default=False,
                help_text="A supervisor or organisation admin other than the requester must approve each reveal, "
                          "which can then be used once within its validity.",
                verbose_name="revealing an identity needs a second person's approval",
            ),
        ),
    ]
