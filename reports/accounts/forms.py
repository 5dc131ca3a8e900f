from django import forms

from reports.models import Membership, Unit

from .roles import AdminRole


class TokenForm(forms.Form):
    token = forms.CharField(
        label="动态口令",
        max_length=20,
        help_text="手机验证器应用里当前显示的6位数字；手机不在身边时，输入一个恢复码。",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class EnrolForm(forms.Form):
    token = forms.CharField(
        label="手机上显示的6位动态口令",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class AdminRoleForm(forms.Form):
    role = forms.ChoiceField(label="管理员角色", choices=AdminRole.choices)


class MembershipForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.all(), empty_label="（请选择单位）")
    role = forms.ChoiceField(label="角色", choices=Membership.Role.choices)
