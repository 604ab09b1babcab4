//! Max requests a second through a 3-node cluster against a single relay, in the same run:
//! three tunnels (in the cluster each held by another node), and `hookctl load` processes
//! posting to every tunnel through every node, so requests spread evenly over nodes and two
//! thirds of them cross to another node, as behind a round-robin load balancer.

use std::process::{Command, Stdio};

use crate::common::{cpu_us, env_u64, target};
use crate::nodes::{Bed, Node, metric, wait_reachable};

const TUNNELS: usize = 3;

/// A relay set-up to measure: how many nodes, and whether they form a cluster on Redis.
#[derive(Clone, Copy)]
struct Shape {
    nodes: usize,
    cluster: bool,
}

impl Shape {
    fn name(self) -> String {
        match (self.cluster, self.nodes) {
            (false, _) => "single relay (no cluster)".into(),
            (true, 1) => "cluster of 1 node".into(),
            (true, n) => format!("cluster of {n} nodes"),
        }
    }
}

/// One run's figures.
struct Run {
    rps: f64,
    requests: u64,
    not_2xx: u64,
    /// CPU µs per request: all nodes together, Redis, all listens together.
    cpu: [f64; 3],
    forwards: Option<f64>,
}

pub async fn run() {
    let secs = env_u64("SECS", 5);
    let conc = env_u64("CONC", 36) as usize;
    let reps = env_u64("REPS", 3) as usize;
    let shapes = [
        Shape {
            nodes: 1,
            cluster: false,
        },
        Shape {
            nodes: 1,
            cluster: true,
        },
        Shape {
            nodes: 3,
            cluster: true,
        },
    ];
    let target = format!("http://{}", target().await);
    let mut results: Vec<Vec<Run>> = shapes.iter().map(|_| Vec::new()).collect();
    // Shapes in turn, REPS times: whatever else loads the machine spreads over all of them.
    for rep in 0..reps {
        for (i, &shape) in shapes.iter().enumerate() {
            eprintln!("run {} of {reps}: {}…", rep + 1, shape.name());
            results[i].push(measure(shape, &target, secs, conc).await);
        }
    }

    let per_process = conc.div_ceil(TUNNELS * 3).max(1);
    println!(
        "max rps: {TUNNELS} tunnels, {} `hookctl load` processes × {per_process} keep-alive connections (its default event, unsigned), {secs} s, median of {reps} run(s) (of an even count, the lower middle)",
        TUNNELS * 3
    );
    println!();
    println!(
        "| relay | req/s (each run) | ÷ single relay | not 2xx | CPU per request: nodes / Redis / listens | cross-node forwards |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    let median = |runs: &[Run]| {
        let mut r: Vec<f64> = runs.iter().map(|r| r.rps).collect();
        r.sort_by(f64::total_cmp);
        r[(r.len() - 1) / 2]
    };
    let single = median(&results[0]);
    for (shape, runs) in shapes.iter().zip(&results) {
        let m = median(runs);
        let each: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.rps)).collect();
        let avg = |k: usize| runs.iter().map(|r| r.cpu[k]).sum::<f64>() / runs.len() as f64;
        let not_2xx: u64 = runs.iter().map(|r| r.not_2xx).sum();
        let requests: u64 = runs.iter().map(|r| r.requests).sum();
        let forwards = runs
            .iter()
            .map(|r| r.forwards)
            .sum::<Option<f64>>()
            .map(|f| format!("{:.0} %", 100.0 * f / requests as f64))
            .unwrap_or_else(|| "—".into());
        println!(
            "| {} | **{m:.0}** ({}) | {:.2}× | {not_2xx} of {requests} | {:.0} / {:.0} / {:.0} µs | {forwards} |",
            shape.name(),
            each.join(", "),
            m / single,
            avg(0),
            avg(1),
            avg(2),
        );
    }
}

async fn measure(shape: Shape, target: &str, secs: u64, conc: usize) -> Run {
    let mut bed = Bed::new();
    let redis = if shape.cluster {
        Some(bed.redis().await)
    } else {
        None
    };
    let mut nodes: Vec<Node> = Vec::new();
    for _ in 0..shape.nodes {
        nodes.push(bed.node(redis.as_ref()).await);
    }
    let mut listens = Vec::new();
    for t in 0..TUNNELS {
        let node = nodes[t % nodes.len()].clone();
        listens.push(bed.listen(&node, &format!("rps{t}"), target).await);
    }
    // Every tunnel through every node, three times over with one node, so each shape runs
    // the same number of load processes with the same connections.
    let urls: Vec<String> = (0..TUNNELS * 3)
        .map(|k| format!("{}/t/rps{}/hooks", nodes[k % nodes.len()].url, k / 3))
        .collect();
    for u in &urls {
        wait_reachable(u).await;
    }
    let forwards_before = forwards(&nodes).await;
    let node_pids: Vec<u32> = nodes.iter().map(|n| n.pid).collect();
    let cpu_before = cpu(&node_pids, redis.as_ref().map(|r| r.pid), &listens);

    let per_process = conc.div_ceil(urls.len()).max(1);
    let loads: Vec<_> = urls
        .iter()
        .enumerate()
        .map(|(k, u)| {
            Command::new(format!("{}/hookctl", bed.bin))
                .env("HOOKCTL_CONFIG", bed.dir.path().join("config.toml"))
                .args([
                    "--db",
                    bed.dir.path().join(format!("load{k}.db")).to_str().unwrap(),
                ])
                .args(["load", u, "--no-sign", "-q", "--json"])
                .args(["-c", &per_process.to_string()])
                .args(["-d", &format!("{secs}s")])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut rps = 0.0;
    let mut requests = 0;
    let mut ok = 0;
    for l in loads {
        let out = tokio::task::spawn_blocking(move || l.wait_with_output().unwrap())
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "hookctl load printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        });
        rps += json["rps"].as_f64().unwrap_or(0.0);
        requests += json["requests"].as_u64().unwrap_or(0);
        if let Some(s) = json["status"].as_object() {
            ok += s
                .iter()
                .filter(|(k, _)| k.starts_with('2'))
                .filter_map(|(_, v)| v.as_u64())
                .sum::<u64>();
        }
    }
    let cpu_after = cpu(&node_pids, redis.as_ref().map(|r| r.pid), &listens);
    let per = |k: usize| (cpu_after[k] - cpu_before[k]) as f64 / requests.max(1) as f64;
    let forwards = match (forwards_before, forwards(&nodes).await) {
        (Some(a), Some(b)) if shape.cluster => Some(b - a),
        _ => None,
    };
    Run {
        rps,
        requests,
        not_2xx: requests - ok,
        cpu: [per(0), per(1), per(2)],
        forwards,
    }
}

/// Cross-node forwards made so far by all the nodes.
async fn forwards(nodes: &[Node]) -> Option<f64> {
    let mut sum = 0.0;
    for n in nodes {
        sum += metric(n, "hookctl_relay_cluster_forwards_total").await?;
    }
    Some(sum)
}

/// CPU µs used so far by the nodes, Redis and the listens (each group summed).
fn cpu(nodes: &[u32], redis: Option<u32>, listens: &[u32]) -> [u64; 3] {
    let sum = |pids: &[u32]| pids.iter().map(|&p| cpu_us(p)).sum();
    [sum(nodes), redis.map_or(0, |p| sum(&[p])), sum(listens)]
}
