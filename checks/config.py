"""A configuration file read as MkDocs reads it, without MkDocs: INHERIT merged, !ENV
resolved, and the tags only an engine understands (!relative, !!python/...) read as
nothing, since no check needs them. With keep_tags, every tag is kept as written
(Tagged), so tools/build.py can write the configuration out again for an engine."""

import os
from pathlib import Path

import yaml

from .errors import SourceError

try:  # libyaml's, where installed: faster
    from yaml import CSafeDumper as _SafeDumper
    from yaml import CSafeLoader as _Safe
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _SafeDumper
    from yaml import SafeLoader as _Safe


def _env(loader, node):
    """!ENV VAR or !ENV [A, B, default]: the first variable set, typed as YAML types
    it, else the last item (pyyaml_env_tag's rule, which MkDocs uses)."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, f"!ENV takes a name or a list, not a {node.id}",
                                                node.start_mark)
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


class ConfigLoader(_Safe):
    pass


ConfigLoader.add_constructor("!ENV", _env)
ConfigLoader.add_constructor(None, lambda loader, node: None)


class Tagged:
    """A value with a tag the engine reads (!ENV, !!python/object/apply:...), kept as written."""

    def __init__(self, tag, kind, value):
        self.tag, self.kind, self.value = tag, kind, value


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, "mapping", loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, "sequence", loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, "scalar", loader.construct_scalar(node))


class TaggedLoader(_Safe):
    pass


TaggedLoader.add_multi_constructor("!", _tagged)
TaggedLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(_SafeDumper):
    pass


_Dumper.add_representer(Tagged, lambda dumper, data: getattr(dumper, f"represent_{data.kind}")(data.tag, data.value))


def write_config(data: dict, path: Path):
    """A configuration read with keep_tags, written out again, tags and all."""
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def merge(parent: dict, child: dict) -> dict:
    """Mappings merged key by key, anything else (lists too) replaced whole."""
    result = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def load_config(path: Path, _seen=(), keep_tags: bool = False) -> dict:
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise SourceError(f"{name}: the configuration file is missing.")
    try:
        result = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=TaggedLoader if keep_tags else ConfigLoader)
    except UnicodeDecodeError:
        raise SourceError(f"{name}: the file is not UTF-8 text; save it as UTF-8.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "the file"
        problem = getattr(error, "problem", None) or error
        raise SourceError(f"{name}: {line} is not valid YAML ({problem}); check that line: each setting is "
                          "'key: value', indented with spaces.") from None
    if result is None:
        return {}
    if not isinstance(result, dict):
        raise SourceError(f"{name}: the configuration is not a list of 'key: value' settings.")
    if "INHERIT" in result:
        relpath = result.pop("INHERIT")
        parent = (path.parent / str(relpath)).resolve()
        if parent in _seen or parent == path.resolve():
            raise SourceError(f"{name}: INHERIT: {relpath} leads back to this file; inherit from mkdocs.yml only.")
        if not parent.is_file():
            raise SourceError(f"{name}: INHERIT names {relpath}, which is not beside it ({parent}).")
        result = merge(load_config(parent, (*_seen, path.resolve()), keep_tags), result)
    return result
