"""Chinese names for the admin's pages of the libraries' models (django-axes, django-otp, django-tasks),
which ship no Chinese translation (and django-otp marks none of its texts for one): their apps, models,
fields, help texts, the sections and columns of their admin pages, and every model's "Can add …"
permission were shown in English in a Chinese admin.

Display only, so no migration follows: a model's ``Meta`` is left as declared; a field's label is set on
``verbose_name`` (migrations read the declared ``_verbose_name``); a field's help text is one that reads as
declared when no language is active, as when ``makemigrations`` and ``migrate`` compare the models with their
migrations, and in Chinese on every page."""

from axes import admin as axes_admin
from axes.conf import settings as axes_settings
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django_otp.plugins.otp_static import admin as static_admin
from django_otp.plugins.otp_totp import admin as totp_admin
from django_tasks_db import admin as tasks_admin

from .models import minute_text

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
    ("axes", "AccessAttemptExpiration"): "登录失败记录的有效期",
    ("otp_totp", "TOTPDevice"): "动态验证码设备",
    ("otp_static", "StaticDevice"): "备用码",
    ("otp_static", "StaticToken"): "备用码条目",
    ("django_tasks_database", "DBTaskResult"): "后台任务结果",
}
# Per app, field name → its label, or (label, help text) for a field declared with one.
_LOGIN = {
    "user_agent": "浏览器标识",
    "ip_address": "IP地址",
    "username": "用户名",
    "http_accept": "浏览器可接受的内容类型",
    "path_info": "登录页面地址",
    "attempt_time": "时间",
    "locked_out": "是否因此锁定",
    "get_data": "地址参数",
    "post_data": "提交的表单内容",
    "failures_since_start": "连续失败次数",
    "access_attempt": "登录失败记录",
    "expires_at": ("有效期至", "这条登录失败记录到期失效、不再计入锁定的时间。"),
    "logout_time": "退出时间",
    "session_hash": "会话标识的摘要（SHA-256）",
}
_DEVICE = {
    "user": ("用户", "这个设备属于的用户。"),
    "name": ("名称", "便于辨认的设备名称。"),
    "confirmed": ("已启用", "这个设备是否已可以使用。"),
    "throttling_failure_timestamp": ("最近验证失败时间", "最近一次验证失败的时间；最近一次验证成功时为空。"),
    "throttling_failure_count": ("连续验证失败次数", "连续验证失败的次数。"),
    "created_at": ("创建时间", "这个设备在系统中创建的时间。"),
    "last_used_at": ("最近使用时间", "最近一次使用这个设备的时间。"),
}
FIELD_NAMES = {
    "axes": _LOGIN,
    "otp_totp": {
        **_DEVICE,
        "key": ("密钥", "十六进制编码的密钥，最长40字节。"),
        "step": ("时间步长", "每个时间步的秒数。"),
        "t0": ("起始时间", "开始计算时间步的 Unix 时间。"),
        "digits": ("验证码位数", "验证码应有的位数。"),
        "tolerance": ("容许误差", "前后各容许相差的时间步数。"),
        "drift": ("时钟偏差", "手机与服务器的时钟已知相差的时间步数。"),
        "last_t": ("最近验证的时间步", "最近一次验证通过的验证码所在的时间步；下一个验证码须在其后。"),
    },
    "otp_static": {**_DEVICE, "device": "设备", "token": "备用码"},
    "django_tasks_database": {
        "id": "编号",
        "status": "状态",
        "enqueued_at": "排队时间",
        "started_at": "开始时间",
        "finished_at": "结束时间",
        "args_kwargs": "参数",
        "priority": "优先级",
        "task_path": "任务",
        "worker_ids": "执行进程",
        "queue_name": "队列",
        "backend_name": "后台",
        "run_after": "最早执行时间",
        "return_value": "返回值",
        "exception_class_path": "出错类型",
        "traceback": "出错详情",
    },
}
# Per app and field, a choice's value → its label (shown like the help texts: as declared to migrations).
CHOICE_NAMES = {
    ("django_tasks_database", "status"): {
        "READY": "待执行",
        "RUNNING": "执行中",
        "FAILED": "失败",
        "SUCCESSFUL": "成功",
    },
}
# The sections of the libraries' admin pages, by their English title.
SECTION_NAMES = {
    "Form Data": "提交的内容",
    "Meta Data": "浏览器信息",
    "Identity": "设备",
    "Timestamps": "时间",
    "Configuration": "设置",
    "State": "状态",
    "Throttling": "验证失败限制",
}
PERMISSION_ACTIONS = {"add": "可以添加", "change": "可以修改", "delete": "可以删除", "view": "可以查看"}


def _shown(declared, chinese):
    return chinese if translation.get_language() else str(declared)


_shown_lazy = lazy(_shown, str)


def permission_label(permission: Permission) -> str:
    """ "认证和授权 | 用户 | 可以添加用户" for Django's "… | Can add user": the four permissions Django
    gives every model are named in English in the database, in whatever language the model is named.
    Any other permission keeps its own name (this project's are Chinese)."""
    content_type = permission.content_type
    action, _, model_name = permission.codename.partition("_")
    model = content_type.model_class()
    if action in PERMISSION_ACTIONS and model_name == content_type.model and model is not None:
        return f"{content_type} | {PERMISSION_ACTIONS[action]}{model._meta.verbose_name}"
    return f"{content_type} | {permission.name}"


# The jobs this project queues, by the task's function name (a row of the queue is titled by its job).
TASK_NAMES = {"make_volume": "生成汇编", "make_zip": "打包ZIP", "send_mails": "发送邮件"}


def _attempt_name(attempt) -> str:
    return f"{attempt.username} 登录失败{attempt.failures_since_start}次（最近一次 {minute_text(attempt.attempt_time)}）"


def _log_name(log) -> str:
    return f"{log.username} 登录（{minute_text(log.attempt_time)}，{log.ip_address}）"


def _failure_name(failure) -> str:
    locked = "，因此锁定" if failure.locked_out else ""
    return f"{failure.username} 登录失败（{minute_text(failure.attempt_time)}，{failure.ip_address}{locked}）"


def _task_name(result) -> str:
    status = CHOICE_NAMES[("django_tasks_database", "status")].get(result.status, result.status)
    return (
        f"{TASK_NAMES.get(result.task_name, result.task_name)} · {status} · {minute_text(result.enqueued_at)}"
    )


# A row's name heads its admin page and its breadcrumbs: the libraries name theirs in English, in UTC.
OBJECT_NAMES = {
    ("axes", "AccessAttempt"): _attempt_name,
    ("axes", "AccessLog"): _log_name,
    ("axes", "AccessFailureLog"): _failure_name,
    ("django_tasks_database", "DBTaskResult"): _task_name,
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
    for label, names in FIELD_NAMES.items():
        if label not in installed:
            continue
        for model in installed[label].get_models():
            for field in model._meta.get_fields():
                if field.name in names and (field.concrete or field.many_to_many):
                    label_text, help_text = (
                        names[field.name] if isinstance(names[field.name], tuple) else (names[field.name], "")
                    )
                    field.verbose_name = label_text
                    if help_text and field.help_text:
                        field.help_text = _shown_lazy(field.help_text, help_text)
                    if chinese := CHOICE_NAMES.get((label, field.name)):
                        field.choices = [
                            (value, _shown_lazy(shown, chinese.get(value, shown)))
                            for value, shown in field.choices
                        ]
    for (label, model_name), name in OBJECT_NAMES.items():
        if label in installed:
            apps.get_model(label, model_name).__str__ = name
    Permission.__str__ = permission_label
    _replace_library_admins()


def _sections(fieldsets):
    return [
        (SECTION_NAMES.get(str(title), title) if title else title, options) for title, options in fieldsets
    ]


class LockedOutFilter(axes_admin.IsLockedOutFilter):
    title = "是否已锁定"

    def lookups(self, request, model_admin):
        return (("yes", "已锁定"), ("no", "未锁定"))


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    list_filter = [
        LockedOutFilter if entry is axes_admin.IsLockedOutFilter else entry
        for entry in axes_admin.AccessAttemptAdmin.list_filter
    ]
    fieldsets = _sections(axes_admin.AccessAttemptAdmin.fieldsets)

    @admin.action(description="清除已过期的登录失败记录")
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, f"已清除{count}条过期的登录失败记录。")

    @admin.display(description="有效期至")
    def expiration(self, obj):
        return obj.expiration.expires_at if hasattr(obj, "expiration") else "未设置"

    @admin.display(description="状态")
    def status(self, obj):
        remaining = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return f"还可尝试{remaining}次" if remaining > 0 else "已锁定"


class AccessLogAdmin(axes_admin.AccessLogAdmin):
    fieldsets = _sections(axes_admin.AccessLogAdmin.fieldsets)


class AccessFailureLogAdmin(axes_admin.AccessFailureLogAdmin):
    fieldsets = _sections(axes_admin.AccessFailureLogAdmin.fieldsets)


class DeviceAdmin:
    search_help_text = "按用户的用户名或电子邮箱查找"

    def get_fieldsets(self, request, obj=None):
        return _sections(super().get_fieldsets(request, obj))


class TOTPDeviceAdmin(DeviceAdmin, totp_admin.TOTPDeviceAdmin):
    @admin.display(description="二维码")
    def qrcode_link(self, device):
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">二维码</a>', href)


class StaticDeviceAdmin(DeviceAdmin, static_admin.StaticDeviceAdmin):
    pass


class DBTaskResultAdmin(tasks_admin.DBTaskResultAdmin):
    @admin.display(description="任务")
    def task_name(self, obj):
        return TASK_NAMES.get(obj.task_name, obj.task_name)

    @admin.display(description=FIELD_NAMES["django_tasks_database"]["traceback"])
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description=FIELD_NAMES["django_tasks_database"]["run_after"])
    def display_run_after(self, obj):
        return super().display_run_after(obj)


# The libraries' ModelAdmins, each subclassed for its Chinese sections, columns, filters and actions (their
# models' own fields are named above).
LIBRARY_ADMINS = {
    ("axes", "AccessAttempt"): AccessAttemptAdmin,
    ("axes", "AccessLog"): AccessLogAdmin,
    ("axes", "AccessFailureLog"): AccessFailureLogAdmin,
    ("otp_totp", "TOTPDevice"): TOTPDeviceAdmin,
    ("otp_static", "StaticDevice"): StaticDeviceAdmin,
    ("django_tasks_database", "DBTaskResult"): DBTaskResultAdmin,
}


def _replace_library_admins():
    """The libraries registered their admins (the admin app's autodiscovery ran before this app's
    ready()); those registered are registered again as the subclasses above."""
    for (label, model_name), model_admin in LIBRARY_ADMINS.items():
        model = apps.get_model(label, model_name)
        if admin.site.is_registered(model):
            admin.site.unregister(model)
            admin.site.register(model, model_admin)
