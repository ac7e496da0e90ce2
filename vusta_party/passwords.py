"""Django's password validators with their messages in Vietnamese, all of them: Django's own
Vietnamese catalogue lacks some (the minimum length), so the rules are Django's and the words
are the app's (settings.AUTH_PASSWORD_VALIDATORS)."""

from django.contrib.auth import password_validation as django_validators


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return "Mật khẩu quá giống thông tin của tài khoản (%(verbose_name)s)."

    def get_help_text(self):
        return "Mật khẩu không được quá giống tên đăng nhập, họ tên hay thư điện tử."


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self):
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu này quá phổ biến, dễ bị đoán."

    def get_help_text(self):
        return "Mật khẩu không được là một mật khẩu phổ biến."


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu không được chỉ gồm chữ số."

    def get_help_text(self):
        return "Mật khẩu không được chỉ gồm chữ số."
