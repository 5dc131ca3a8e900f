"""Who may log in and how (等保2.0 身份鉴别, 访问控制): the lockout page (django-axes counts the failures),
the session limits, the password rules and the forced change, the second factor (django-otp), the three
administrator roles and the security administrator's pages. README: Security."""
