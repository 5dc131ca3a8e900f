"""gunicorn's settings: ``gunicorn -c python:config.gunicorn config.wsgi:application`` (README, Deploying).

Options given on the command line or in GUNICORN_CMD_ARGS (--bind, --workers) come on top of these.
"""

# Both logs to the journal: the access log on stdout, gunicorn's own messages on stderr, as the app's.
accesslog = "-"
errorlog = "-"
# time, client, the browser's address as a proxy forwarded it, user (reports/common/middleware.py puts it
# in the WSGI environ), request, status, bytes, milliseconds
access_log_format = '%(t)s %(h)s %({x-forwarded-for}i)s %({fazhi.user}e)s "%(r)s" %(s)s %(b)s %(M)sms'
# A 汇编 volume of every accepted report renders for tens of seconds; gunicorn's default (30 s) would kill
# the worker in the middle.
timeout = 300
