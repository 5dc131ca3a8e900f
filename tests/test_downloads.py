def test_a_download_with_a_token_answers_with_its_cookie(client, staff, report):
    client.force_login(staff)
    response = client.get(f"/reports/{report.pk}/pdf/", {"download_token": "abc123xyz"})
    assert response.cookies["download_abc123xyz"].value == "1"


def test_a_malformed_token_sets_no_cookie(client, staff, report):
    client.force_login(staff)
    response = client.get(f"/reports/{report.pk}/pdf/", {"download_token": "bad token;"})
    # Only the session's own cookie, renewed on every request (SESSION_SAVE_EVERY_REQUEST).
    assert set(response.cookies) == {"sessionid"}
