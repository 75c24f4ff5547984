"""The one thing pyproject.toml cannot say: the wheel carries a native
library (libzjcredit.so.0), so it is tagged for this platform, but it is
loaded with ctypes, not built against CPython's ABI, so any Python 3 takes it
(py3-none-<platform>)."""

from setuptools import setup
from wheel.bdist_wheel import bdist_wheel


class platform_wheel(bdist_wheel):
    def finalize_options(self) -> None:
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self) -> tuple[str, str, str]:
        return "py3", "none", super().get_tag()[2]


setup(cmdclass={"bdist_wheel": platform_wheel})
