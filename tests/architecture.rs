//! The shape of the code: no module imports a module that imports it, and no command imports
//! another command — read from the sources, so a change that tangles them fails here.
//!
//! The rule counted: module A imports module B when A's code names B or an item of B — a `use`
//! (`pub use` re-exports included, nested `{}` groups expanded) or a path in code (`crate::x::y`,
//! `super::x`, `self::x`, `hookctl::x`, a child's `name::`). A `mod b;` declaration alone is
//! not an import, so a folder's `mod.rs` that re-exports its files imports them, and its files
//! must never import it back: they import their siblings. A `#[macro_export]` macro, named as
//! `crate::name`, belongs to the file that defines it. Code under `#[cfg(test)]` is left out,
//! since tests may reach anywhere. `main.rs` is left out too: it is its own crate over the
//! library, and nothing in the library can name it, so it cannot close a circle.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// A module's path from its crate's root: `["signature", "scheme"]`; the root is `[]`.
type Module = Vec<String>;
/// Who imports whom.
type Graph = BTreeMap<Module, BTreeSet<Module>>;

#[test]
fn no_module_in_hookctl_or_the_relay_imports_a_module_that_imports_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (dir, crate_name) in [("src", "hookctl"), ("relay/src", "hookctl_relay")] {
        let graph = import_graph(&read_crate(&root.join(dir)), crate_name);
        for circle in circles(&graph) {
            found.push(describe(&graph, &circle, crate_name));
        }
    }
    assert!(
        found.is_empty(),
        "import circles (move what the modules share into a file of its own that both import):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_command_imports_another_commands_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = import_graph(&read_crate(&root.join("src")), "hookctl");
    let found: Vec<String> = commands_importing_commands(&graph)
        .into_iter()
        .map(|(from, to)| format!("{} -> {}", name(&from, "hookctl"), name(&to, "hookctl")))
        .collect();
    assert!(
        found.is_empty(),
        "commands importing other commands (move what they share into src/cmd/shared/):\n{}",
        found.join("\n")
    );
}

// The checks above pass on a tidy tree; these make sure they would see a tangled one.

#[test]
fn a_file_importing_the_folder_that_re_exports_it_is_a_circle() {
    let sources = crate_of(&[
        ("", "pub mod signature;"),
        (
            "signature",
            "mod scheme;\npub use scheme::Scheme;\npub struct Info;",
        ),
        ("signature::scheme", "use super::Info;\npub trait Scheme {}"),
    ]);
    let graph = import_graph(&sources, "hookctl");
    let described: Vec<String> = circles(&graph)
        .iter()
        .map(|c| describe(&graph, c, "hookctl"))
        .collect();
    assert_eq!(
        described,
        ["hookctl::signature -> hookctl::signature::scheme -> hookctl::signature"]
    );
}

#[test]
fn imports_in_tests_comments_and_strings_make_no_circle() {
    let sources = crate_of(&[
        ("a", "use crate::b::B;\npub struct A;"),
        (
            "b",
            "// use crate::a::A;\nconst S: &str = \"crate::a::A\";\nconst R: &str = r#\"super::a\"#;\n\
             pub struct B<'a>(&'a str, char);\nconst C: char = '{';\n\
             #[cfg(test)]\nmod tests {\n    use crate::a::A;\n}",
        ),
    ]);
    assert!(circles(&import_graph(&sources, "hookctl")).is_empty());
}

#[test]
fn a_command_importing_another_command_is_found_and_shared_is_not() {
    let sources = crate_of(&[
        ("cmd", "pub struct Ctx;"),
        (
            "cmd::monitor",
            "use super::Ctx;\nuse crate::cmd::validate::probe::Answer;",
        ),
        ("cmd::validate", "use crate::cmd::shared::durations;"),
        ("cmd::validate::probe", "pub struct Answer;"),
        ("cmd::shared", "use crate::cmd::logs::stats;"),
        ("cmd::logs", ""),
    ]);
    let found = commands_importing_commands(&import_graph(&sources, "hookctl"));
    let names: Vec<(String, String)> = found
        .iter()
        .map(|(a, b)| (name(a, "hookctl"), name(b, "hookctl")))
        .collect();
    assert_eq!(
        names,
        [
            (
                "hookctl::cmd::monitor".to_string(),
                "hookctl::cmd::validate::probe".to_string()
            ),
            (
                "hookctl::cmd::shared".to_string(),
                "hookctl::cmd::logs".to_string()
            ),
        ]
    );
}

/// Every module's source text, from the `.rs` files under `dir`: `a/b.rs` and `a/b/mod.rs` are
/// `a::b`, `lib.rs` the root.
fn read_crate(dir: &Path) -> BTreeMap<Module, String> {
    let mut sources = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path == dir.join("main.rs") {
                continue;
            }
            let mut module: Module = path
                .strip_prefix(dir)
                .unwrap()
                .with_extension("")
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|l| l == "mod" || l == "lib") {
                module.pop();
            }
            sources.insert(module, std::fs::read_to_string(&path).unwrap());
        }
    }
    sources
}

/// Sources given inline, as `("a::b", text)`: the checks' own tests.
fn crate_of(files: &[(&str, &str)]) -> BTreeMap<Module, String> {
    files
        .iter()
        .map(|(path, text)| {
            let module = path.split("::").filter(|p| !p.is_empty());
            (module.map(String::from).collect(), text.to_string())
        })
        .collect()
}

/// Each module's imports of other modules of the same crate.
fn import_graph(sources: &BTreeMap<Module, String>, crate_name: &str) -> Graph {
    let known: BTreeSet<&Module> = sources.keys().collect();
    let code: BTreeMap<&Module, Vec<String>> = sources
        .iter()
        .map(|(module, text)| (module, without_test_code(tokens(text))))
        .collect();
    let macros = exported_macros(&code);
    let mut graph = Graph::new();
    for (module, tokens) in &code {
        let imported = paths(tokens)
            .into_iter()
            .filter_map(|path| match path.as_slice() {
                [root, name]
                    if (root == "crate" || root == crate_name) && macros.contains_key(name) =>
                {
                    Some(macros[name].clone())
                }
                _ => resolve(module, &path, &known, crate_name),
            })
            .filter(|target| target != *module);
        graph.entry((*module).clone()).or_default().extend(imported);
    }
    graph
}

/// Where each `#[macro_export]` macro is written: `crate::bail_usage` names the root's namespace,
/// but imports the module that defines the macro, not `lib.rs`.
fn exported_macros(code: &BTreeMap<&Module, Vec<String>>) -> BTreeMap<String, Module> {
    let mut out = BTreeMap::new();
    for (module, tokens) in code {
        for (i, t) in tokens.iter().enumerate() {
            if t == "macro_export" {
                let rest = &tokens[i..];
                if let Some(at) = rest.iter().position(|t| t == "macro_rules")
                    && let Some(name) = rest.get(at + 2)
                {
                    out.insert(name.clone(), (*module).clone());
                }
            }
        }
    }
    out
}

/// The code's tokens, words and punctuation, with comments and the contents of strings and
/// character literals gone: a path in a comment or a string imports nothing, and a brace in one
/// must not upset the brace counting that skips test code.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // 'x' and '\n' are characters; 'a alone is a lifetime, which is skipped as a quote.
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // r"…", r#"…"#, br#"…"#: a raw string ends at a quote followed by as many #s.
            if (word == "r" || word == "br") && (at(i) == '"' || at(i) == '#') {
                let hashes = chars[i..].iter().take_while(|&&h| h == '#').count();
                if at(i + hashes) == '"' {
                    i += hashes + 1;
                    while i < chars.len()
                        && !(chars[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#'))
                    {
                        i += 1;
                    }
                    i += hashes + 1;
                    continue;
                }
            }
            out.push(word);
        } else if c == ':' && at(i + 1) == ':' {
            out.push("::".to_string());
            i += 2;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// The tokens without the items marked `#[cfg(test)]` (or `#[cfg(all(test, …))]`).
fn without_test_code(tokens: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let is_cfg = tokens[i] == "#" && tokens.get(i + 2).is_some_and(|t| t == "cfg");
        if !is_cfg {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        let end = closing(&tokens, i + 1);
        let condition = &tokens[i + 1..end];
        let test_only =
            condition.iter().any(|t| t == "test") && !condition.iter().any(|t| t == "not");
        if !test_only {
            out.extend(tokens[i..end].iter().cloned());
            i = end;
            continue;
        }
        // Skip the item the attribute marks: up to its `;`, or through its `{ … }` body.
        i = end;
        let mut depth = 0;
        while i < tokens.len() {
            match tokens[i].as_str() {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                ";" if depth == 0 => break,
                "{" if depth == 0 => {
                    i = closing(&tokens, i) - 1;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        i += 1;
    }
    out
}

/// The index just past the bracket that closes the one at `open`.
fn closing(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        match t.as_str() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Every path the code names: each leaf of each `use` tree, and each `a::b::c` in code.
fn paths(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let after_path = i > 0 && tokens[i - 1] == "::";
        if tokens[i] == "use" && !after_path {
            i += 1;
            use_tree(tokens, &mut i, Vec::new(), &mut out);
        } else if is_word(&tokens[i]) && !after_path && tokens.get(i + 1).is_some_and(|t| t == "::")
        {
            let mut path = vec![tokens[i].clone()];
            i += 1;
            while tokens.get(i).is_some_and(|t| t == "::")
                && tokens.get(i + 1).is_some_and(|t| is_word(t))
            {
                path.push(tokens[i + 1].clone());
                i += 2;
            }
            out.push(path);
        } else {
            i += 1;
        }
    }
    out
}

/// One `use` tree from `tokens[*i]`, its leaves appended to `out` each with its full path:
/// `a::{b, c::{self, d as e}, *}` gives `a::b`, `a::c`, `a::c::d` and `a`.
fn use_tree(tokens: &[String], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    while let Some(t) = tokens.get(*i) {
        *i += 1;
        match t.as_str() {
            "::" => {}
            "{" => {
                while tokens.get(*i).is_some_and(|t| t != "}") {
                    use_tree(tokens, i, path.clone(), out);
                    if tokens.get(*i).is_some_and(|t| t == ",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "*" => break,
            "self" if !path.is_empty() => {}
            word if is_word(word) => {
                path.push(word.to_string());
                if tokens.get(*i).is_some_and(|t| t == "::") {
                    continue;
                }
                if tokens.get(*i).is_some_and(|t| t == "as") {
                    *i += 2;
                }
                break;
            }
            _ => {
                *i -= 1;
                break;
            }
        }
    }
    out.push(path);
}

fn is_word(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The module of this crate that `path`, named in `module`, points into; `None` for other
/// crates and for names that are not paths to modules.
fn resolve(
    module: &Module,
    path: &[String],
    known: &BTreeSet<&Module>,
    crate_name: &str,
) -> Option<Module> {
    let first = path.first()?;
    let (mut full, rest) = if first == "crate" || first == crate_name {
        (Vec::new(), &path[1..])
    } else if first == "super" || first == "self" {
        let mut base = module.clone();
        let ups = path.iter().take_while(|p| *p == "super" || *p == "self");
        for p in ups.clone() {
            if p == "super" {
                base.pop();
            }
        }
        let skipped = ups.count();
        (base, &path[skipped..])
    } else if known.contains(&[module.as_slice(), std::slice::from_ref(first)].concat()) {
        // A child module named bare: `show::run` in the parent of `show`.
        (module.clone(), path)
    } else {
        return None;
    };
    full.extend(rest.iter().cloned());
    // `a::b::Item` points into `a::b`: the longest prefix that is a module.
    while !known.contains(&full) {
        full.pop()?;
    }
    Some(full)
}

/// The groups of modules that import each other, directly or through others (each group is a
/// strongly connected part of the graph of two or more modules), each listed from its first.
fn circles(graph: &Graph) -> Vec<Vec<Module>> {
    let reach: BTreeMap<&Module, BTreeSet<Module>> =
        graph.keys().map(|m| (m, reachable(graph, m))).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for m in graph.keys() {
        if seen.contains(m) {
            continue;
        }
        let group: Vec<Module> = reach[m]
            .iter()
            .filter(|n| reach.get(n).is_some_and(|r| r.contains(m)))
            .cloned()
            .collect();
        if group.len() > 1 {
            seen.extend(group.iter().cloned());
            out.push(group);
        }
    }
    out
}

/// Every module `from` imports, directly or through others (itself only when in a circle).
fn reachable(graph: &Graph, from: &Module) -> BTreeSet<Module> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.clone()];
    while let Some(m) = todo.pop() {
        for next in graph.get(&m).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

/// A circle as one loop of imports from its first module back to it, the shortest there is,
/// plus the rest of the group when the loop does not pass through all of it.
fn describe(graph: &Graph, group: &[Module], crate_name: &str) -> String {
    let start = &group[0];
    // Breadth first from `start`, so the loop found back to it is a shortest one.
    let mut came_from: BTreeMap<&Module, &Module> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut last = start;
    'search: while let Some(m) = queue.pop_front() {
        for next in &graph[m] {
            if next == start {
                last = m;
                break 'search;
            }
            if group.contains(next) && !came_from.contains_key(next) {
                came_from.insert(next, m);
                queue.push_back(next);
            }
        }
    }
    let mut loop_back = vec![start];
    while last != start {
        loop_back.push(last);
        last = came_from[last];
    }
    loop_back.push(start);
    loop_back.reverse();
    let named: Vec<String> = loop_back.iter().map(|m| name(m, crate_name)).collect();
    let others: Vec<String> = group
        .iter()
        .filter(|m| !loop_back.contains(m))
        .map(|m| name(m, crate_name))
        .collect();
    if others.is_empty() {
        named.join(" -> ")
    } else {
        format!("{} (with {})", named.join(" -> "), others.join(", "))
    }
}

/// Imports from one command's modules into another's: `src/cmd/<command>/` may import
/// `src/cmd/shared/` and the `cmd` module itself, never another command, and `shared` no command.
fn commands_importing_commands(graph: &Graph) -> Vec<(Module, Module)> {
    let command = |m: &Module| match m.as_slice() {
        [cmd, name, ..] if cmd == "cmd" => Some(name.clone()),
        _ => None,
    };
    let mut out = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            if let (Some(a), Some(b)) = (command(from), command(to))
                && a != b
                && b != "shared"
            {
                out.push((from.clone(), to.clone()));
            }
        }
    }
    out
}

/// `hookctl::signature::scheme`; the root is the crate's name.
fn name(module: &Module, crate_name: &str) -> String {
    std::iter::once(crate_name)
        .chain(module.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}
