//! `bti-check --online` against a small web server on 127.0.0.1: a link that
//! answers passes, a dead one is an error at its exact place.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;

/// Answers `/finnes` with 200 and everything else with 404, for `requests` requests.
fn serve(requests: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut first = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let _ = reader.read_line(&mut first);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let status = if first.contains(" /finnes ") {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    port
}

#[test]
fn online_check_reports_dead_links_where_they_stand_and_passes_live_ones() {
    let port = serve(8);
    let dir = std::env::temp_dir().join(format!("bti-online-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("innhold.json");
    let content = format!(
        r#"{{
  "meta": {{"kommune": "Testby", "version": "1", "updated": "2026-11-23", "editor": "BTI-koordinator"}},
  "contacts": [
    {{"id": "a", "name": "Levende", "url": "http://127.0.0.1:{port}/finnes"}},
    {{"id": "b", "name": "Død", "url": "http://127.0.0.1:{port}/borte"}}
  ],
  "guide": {{"start": "r", "nodes": [
    {{"type": "result", "id": "r", "title": "Ring", "now": "Les [mer](http://127.0.0.1:{port}/borte-ogsaa).",
      "contacts": ["a", "b"], "what_happens": "x", "topics": ["annet"]}}
  ]}}
}}"#
    );
    std::fs::write(&file, content).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .arg("--online")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "dead links are errors:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!(
            "innhold.json:5:39: error: contacts[1].url: Lenken http://127.0.0.1:{port}/borte svarer HTTP 404."
        )),
        "{text}"
    );
    assert!(text.contains(&format!("innhold.json:8:59: error: guide.nodes[0].now: Lenken http://127.0.0.1:{port}/borte-ogsaa svarer HTTP 404")), "{text}");
    assert!(
        !text.contains("/finnes"),
        "the live link is not reported:\n{text}"
    );

    let offline = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        offline.status.code(),
        Some(0),
        "without --online no link is fetched"
    );
    std::fs::remove_dir_all(&dir).ok();
}
