"""Chinese names for the admin's pages of the libraries' models (django-axes, django-otp, django-tasks),
which ship no Chinese translation: their apps and models were listed in English ("Access attempts",
"TOTP devices") on the admin's index. Display only: a model's ``Meta`` is left as declared, so no
migration follows."""

from django.apps import apps

APP_NAMES = {
    "axes": "登录失败锁定",
    "otp_totp": "第二重验证：动态验证码",
    "otp_static": "第二重验证：备用码",
    "django_tasks_database": "后台任务",
}
MODEL_NAMES = {
    ("axes", "AccessAttempt"): "登录失败记录",
    ("axes", "AccessLog"): "登录记录",
    ("axes", "AccessFailureLog"): "登录失败明细",
    ("otp_totp", "TOTPDevice"): "动态验证码设备",
    ("otp_static", "StaticDevice"): "备用码",
    ("otp_static", "StaticToken"): "备用码条目",
    ("django_tasks_database", "DBTaskResult"): "后台任务结果",
}


def apply():
    installed = {config.label: config for config in apps.get_app_configs()}
    for label, name in APP_NAMES.items():
        if label in installed:
            installed[label].verbose_name = name
    for (label, model_name), name in MODEL_NAMES.items():
        try:
            model = apps.get_model(label, model_name)
        except LookupError:
            continue
        model._meta.verbose_name = model._meta.verbose_name_plural = name
