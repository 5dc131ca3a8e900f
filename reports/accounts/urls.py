from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("password/", views.PasswordChange.as_view(), name="password-change"),
    path("security/", views.security, name="security"),
    path("otp/enrol/", views.otp_enrol, name="otp-enrol"),
    path("otp/enrol/qr.svg", views.otp_qr, name="otp-qr"),
    path("otp/verify/", views.otp_verify, name="otp-verify"),
    path("keep-alive/", views.keep_alive, name="keep-alive"),
    path("lockouts/", views.lockout_list, name="lockouts"),
    path("users/", views.user_list, name="users"),
    path("users/<int:pk>/password/", views.reset_password, name="reset-password"),
    path("users/<int:pk>/roles/", views.user_roles, name="user-roles"),
]
