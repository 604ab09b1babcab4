//! Three relay nodes on one real Redis (`--cluster`): first, the test Redis itself keeps what it
//! acknowledged across `kill -9`, which every cluster test relies on.

#[path = "redis/mod.rs"]
mod redis_server;

use redis_server::Redis;

#[test]
fn the_test_redis_keeps_acknowledged_writes_across_kill_9_and_restart() {
    let mut r = Redis::start();
    let client = redis::Client::open(r.url()).unwrap();
    let mut c = client.get_connection().unwrap();
    let _: () = redis::cmd("SET").arg("k").arg("v").query(&mut c).unwrap();
    r.kill9();
    assert!(!r.ping(), "a killed Redis still answered");
    r.restart();
    let mut c = client.get_connection().unwrap();
    let v: String = redis::cmd("GET").arg("k").query(&mut c).unwrap();
    assert_eq!(v, "v", "the AOF lost an acknowledged write");
}
