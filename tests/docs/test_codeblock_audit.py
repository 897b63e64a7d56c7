"""No fenced code block in docs/ goes untested without a written reason."""

import textwrap

import pytest

from scripts import audit
from scripts.paths import DOCS

PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix()
                                             for p in PAGES])
def test_every_block_is_run_or_exempt(page):
    problems = audit.audit_file(page)
    assert not problems, "\n".join(problems)


GOOD = '''
```python
print(1)
```

<!--pytest-codeblocks:expected-output-->
```text
1
```

```py title="snippets/ch01/s07_quadratic_tape.py"
--8<-- "snippets/ch01/s07_quadratic_tape.py:train"
```

<!--pytest.mark.skip(reason="installs packages")-->
```sh
pip install tensorflow
```

<!--pytest.mark.skip(reason="CUDA C, compiled by nvcc, not Python")-->
```c
cudaMalloc(&d_a, n);
```
'''

BAD = '''
```python title="never run"
print(1)
```

~~~python
print(2)
~~~

<!--pytest.mark.skip-->
```python
print(3)
```

```py
--8<-- "snippets/ch01/no_such_file.py"
```

```py
--8<-- "snippets/ch01/s07_quadratic_tape.py:no_such_section"
```

```c
int main(void) { return 0; }
```
'''


def _audit_text(tmp_path, text):
    page = tmp_path / "page.md"
    page.write_text(textwrap.dedent(text), encoding="utf-8")
    return audit.audit_file(page)


def test_audit_accepts_run_output_include_and_reasoned_skips(tmp_path):
    assert _audit_text(tmp_path, GOOD) == []


def test_audit_names_each_bad_block_with_its_line(tmp_path):
    problems = _audit_text(tmp_path, BAD)
    text = "\n".join(problems)
    assert "page.md:2: fence 'python title=\"never run\"'" in text
    assert "page.md:6: '~~~' fences are never run" in text
    assert "page.md:11: 'pytest.mark.skip' needs a written reason=" in text
    assert "no_such_file.py, which is no snippet file" in text
    assert "has no section 'no_such_section'" in text
    assert "page.md:23: fence 'c' is not run" in text
