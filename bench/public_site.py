"""Benchmark of the public site (issue 17): prints figures, asserts nothing.

    .venv/bin/python bench/public_site.py [--requests 2000] [--concurrency 8] [--workers 2]

Loads the demo (load_demo publishes the 2024 reports) into a throw-away SQLite database with its files and
the page cache (Django's file-based cache, the default) in a throw-away directory, then:
- through Django's test client, per page type: the first request (made and stored in the cache) and the
  median and 95th percentile of 200 more (served from the cache). Target: ≤ 20 ms;
- under gunicorn on 127.0.0.1 (``--workers`` sync workers), a bounded number of requests (``--requests``)
  spread over the page types by ``--concurrency`` keep-alive clients: requests per second and latencies.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-public-"))
(WORK / "staticfiles").mkdir()  # whitenoise looks for it; the pages are not served from it here
ENVIRONMENT = {
    "VAR_DIR": str(WORK),  # the database, the stored files and the page cache live there
    "SECRET_KEY": "bench-only-secret-key-bench-only-secret-key",
    "SITE_URL": "http://127.0.0.1",
    "SECURE_COOKIES": "0",
    "ALLOWED_HOSTS": "127.0.0.1,testserver,localhost",
    "DJANGO_SETTINGS_MODULE": "bench._public_settings",
}
os.environ.update(ENVIRONMENT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = {
    "站点首页": "/public/",
    "区县": "/public/qianjiang/",
    "年度列表": "/public/qianjiang/2024/",
    "报告页面": "/public/qianjiang/2024/chengxi/",
    "指标对比": "/public/qianjiang/2024/indicators/",
    "JSON清单": "/public/qianjiang/2024/reports.json",
    "Atom订阅": "/public/qianjiang/feed/",
    "检索": "/public/search/?q=%E8%B0%83%E8%A7%A3",  # 调解
    "sitemap.xml": "/sitemap.xml",
}


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def test_client_figures():
    client = Client()
    print("Django 测试客户端（每类页面：首次请求生成并写入缓存；再 200 次从缓存读）")
    print(f"  {'页面':<12}{'首次':>10}{'中位数':>10}{'P95':>10}")
    for name, path in PAGES.items():
        start = time.perf_counter()
        response = client.get(path)
        first = time.perf_counter() - start
        assert response.status_code == 200, (path, response.status_code)
        times = []
        for _ in range(200):
            start = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"  {name:<12}{ms(first):>10}{ms(statistics.median(times)):>10}{ms(times[189]):>10}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn 未能启动")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn 30 秒内没有响应")


def gunicorn_figures(total, concurrency, workers):
    port = free_port()
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=os.environ | ENVIRONMENT, stdout=subprocess.DEVNULL)
    try:
        wait_for(port, process)
        paths = list(PAGES.values())
        for path in paths:  # each page made once (and cached) before the count starts
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
        latencies, errors = [], []
        lock = threading.Lock()
        counter = iter(range(total))

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine = []
            for number in counter:
                start = time.perf_counter()
                connection.request("GET", paths[number % len(paths)])
                response = connection.getresponse()
                response.read()
                mine.append(time.perf_counter() - start)
                if response.status != 200:
                    errors.append(response.status)
                if response.will_close:
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client) for _ in range(concurrency)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)
    latencies.sort()
    print(
        f"gunicorn（127.0.0.1，{workers}个同步进程，{concurrency}个并发客户端，共{total}次请求，"
        f"{len(PAGES)}类页面轮流）"
    )
    print(f"  每秒请求数：{total / elapsed:.0f}")
    print(
        f"  延迟：中位数 {ms(statistics.median(latencies))}，P95 {ms(latencies[int(len(latencies) * 0.95)])}，"
        f"最大 {ms(latencies[-1])}；非200响应：{len(errors)}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    print(f"机器：{os.cpu_count()}核，负载 {os.getloadavg()[0]:.1f}")
    test_client_figures()
    gunicorn_figures(options.requests, options.concurrency, options.workers)


if __name__ == "__main__":
    main()
