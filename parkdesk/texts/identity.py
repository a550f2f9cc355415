"""The texts of identity (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "identity.no_passphrase": (
        "需要口令,但没有可用的输入:请在终端中运行,或使用 --passphrase-file 文件,或设置环境变量 PARKDESK_PASSPHRASE",
        "A passphrase is needed but none can be read: run in a terminal, or use --passphrase-file FILE, "
        "or set PARKDESK_PASSPHRASE",
    ),
    "identity.passphrase_file": ("无法读取口令文件:{path}({reason})",
                                 "Cannot read the passphrase file: {path} ({reason})"),
    "identity.passphrase_file_empty": (
        "口令文件的第一行是空的:{path}。请把口令写在文件的第一行。",
        "The first line of the passphrase file is empty: {path}. Write the passphrase on its first line.",
    ),
    "identity.passphrase_short": ("口令太短:至少需要 {minimum} 个字符",
                                  "The passphrase is too short: it needs at least {minimum} characters"),
    "identity.passphrase_mismatch": ("两次输入的口令不一致", "The two passphrases differ"),
    "identity.prompt": ("请输入身份“{name}”的口令:", "Passphrase of identity '{name}': "),
    "identity.prompt_new": ("请为身份“{name}”设置口令(至少 {minimum} 个字符):",
                            "New passphrase for identity '{name}' (at least {minimum} characters): "),
    "identity.prompt_again": ("请再次输入口令:", "The passphrase again: "),
    "identity.wrong_passphrase": ("口令不正确,无法解锁身份“{name}”的私钥", "Wrong passphrase: the private key of "
                                  "identity '{name}' cannot be unlocked"),
    "identity.key_damaged": ("身份“{name}”的私钥已损坏,无法读取({reason})",
                             "The private key of identity '{name}' is damaged and cannot be read ({reason})"),
    "identity.exists": ("已有名为“{name}”的身份", "An identity named '{name}' already exists"),
    "identity.not_found": ("工作区中没有名为“{name}”的身份", "The workspace has no identity named '{name}'"),
    "identity.none_for_park": ("工作区中没有园区 {park} 的运营机构身份;请先运行 parkdesk keys create",
                               "The workspace has no operator identity of park {park}; run parkdesk keys create first"),
    "identity.bad_algorithm": ("不支持的密钥算法:{algorithm}", "Unsupported key algorithm: {algorithm}"),
    "identity.name_needed": ("身份名称不能为空", "The identity needs a name"),
    "identity.created": ("已创建身份“{name}”({kind}),证书指纹 SHA-256:{fingerprint}",
                         "Identity '{name}' ({kind}) created; certificate fingerprint SHA-256: {fingerprint}"),
    "keys.issued": ("已签发的运营机构证书:{count} 个", "Operator certificates issued: {count}"),
    "identity.request_without_park": ("证书申请“{subject}”没有写明园区代码(OU),无法签发",
                                      "The certificate request '{subject}' names no park code (OU); not issued"),
    "identity.park_outside_district": ("拒绝签发:园区“{park}”({code})属于{division},不在{district}。请由该园区所在区县签发。",
                                       "Not issued: the park '{park}' ({code}) is in {division}, not in {district}. "
                                       "Its own district issues its certificate."),
    "identity.not_district": ("身份“{name}”不是区县(CA)身份,不能签发证书",
                              "Identity '{name}' is not a district (CA) identity and cannot issue certificates"),
    "identity.key_mismatch": ("证书中的公钥与身份“{name}”的私钥不匹配",
                              "The certificate's public key does not match the private key of identity '{name}'"),
    "identity.installed": ("身份“{name}”的证书已更新,由“{issuer}”签发;指纹 SHA-256:{fingerprint}",
                           "Identity '{name}' now has the certificate issued by '{issuer}'; "
                           "fingerprint SHA-256: {fingerprint}"),
    "identity.not_rsa": ("加密接收方的证书必须使用 RSA 密钥:{subject}",
                         "The recipient's certificate for encryption must have an RSA key: {subject}"),
    "cert.unreadable": ("无法读取证书文件:{path}({reason})", "Cannot read the certificate file: {path} ({reason})"),
    "cert.none_in_file": ("文件中没有证书(需要 PEM 或 DER 格式):{path}",
                          "The file holds no certificate (PEM or DER expected): {path}"),
    "cert.written": ("已写入:{path}", "Written: {path}"),
    "csr.unreadable": ("无法读取证书请求文件:{path}({reason})",
                       "Cannot read the certificate request: {path} ({reason})"),
    "csr.bad_signature": ("证书请求的签名无效:{path}", "The certificate request's signature is invalid: {path}"),
    "csr.issued": ("已为“{subject}”签发证书(有效期至 {until}),证书指纹 SHA-256:{fingerprint}",
                   "Certificate issued to '{subject}' (valid until {until}); fingerprint SHA-256: {fingerprint}"),
    "trust.added": ("已信任 {kind}:{subject},指纹 SHA-256:{fingerprint}(请通过电话与对方核对指纹)",
                    "Trusted {kind}: {subject}, fingerprint SHA-256: {fingerprint} "
                    "(confirm the fingerprint with its owner by phone)"),
    "trust.already": ("该证书已在信任列表中:{subject},指纹 SHA-256:{fingerprint}",
                      "This certificate is already trusted: {subject}, fingerprint SHA-256: {fingerprint}"),
    "trust.expired": ("证书已过期或尚未生效(有效期 {start} 至 {end}),不能加入信任列表:{subject}",
                      "The certificate is expired or not yet valid ({start} to {end}) and cannot be trusted: "
                      "{subject}"),
    # chain checks (used by package verification)
    "chain.expired": ("证书已过期(有效期至 {end}):{subject}", "The certificate expired on {end}: {subject}"),
    "chain.not_yet_valid": ("证书尚未生效(自 {start} 起有效):{subject}",
                            "The certificate is not valid before {start}: {subject}"),
    "chain.no_anchor": ("没有可用的信任证书:请用 --trust 指定区县证书或运营机构证书,"
                        "或用 --workspace 指定含信任列表的工作区",
                        "No trusted certificates were given: name a district or operator certificate with --trust, "
                        "or a workspace with a trust store with --workspace"),
    "chain.no_anchor_in_workspace": ("工作区的信任列表是空的,无法验证任何文件:请先用 parkdesk keys trust 工作区 证书.pem "
                                     "信任发件方(区县或上级)的证书",
                                     "The workspace trusts no certificate, so nothing can be verified: first trust the "
                                     "sender's certificate with parkdesk keys trust WORKSPACE CERT.pem"),
    "chain.untrusted": ("签名者证书不受信任:{subject}(签发者:{issuer});它及其签发者都不在信任列表中",
                        "The signer's certificate is not trusted: {subject} (issuer: {issuer}); neither it nor an "
                        "issuer is in the trust store"),
    "chain.bad_issuer_signature": ("证书 {subject} 上签发者 {issuer} 的签名无效",
                                   "The issuer {issuer}'s signature on certificate {subject} is invalid"),
    "chain.not_ca": ("证书 {issuer} 不是 CA 证书,不能签发 {subject}",
                     "Certificate {issuer} is not a CA certificate and cannot issue {subject}"),
    "chain.path_length": ("证书链过长(CA {issuer} 的路径长度限制为 {limit})",
                          "The certificate chain is too long (CA {issuer} allows a path length of {limit})"),
    "chain.usage": ("签名者证书的用途(密钥用途或扩展密钥用途)不允许签名文档:{subject}",
                    "The signer's certificate is not allowed to sign documents (key usage or extended key usage): "
                    "{subject}"),
    "chain.critical_extension": ("证书 {subject} 含有无法识别的关键扩展 {oid}(RFC 5280 要求拒绝)",
                                 "Certificate {subject} carries a critical extension parkdesk does not understand: "
                                 "{oid} (RFC 5280 requires refusing it)"),
    "chain.invalid": ("签名者证书的证书链无效:{subject}({reason})",
                      "The signer's certificate path is not valid: {subject} ({reason})"),
    "chain.other_park": ("签名者证书属于园区 {signer_park},而数据包属于园区 {park}",
                         "The signer's certificate belongs to park {signer_park}, but the package is of park {park}"),
    "cli.division_not_found": ("找不到区县:{division}(请使用区县代码,如 370102)",
                               "No such district: {division} (use its code, e.g. 370102)"),
    "keys.park_needed": ("运营机构身份需要 --park 指定园区", "An operator identity needs its park: --park CODE"),
    "trust.kind_signer": ("签名者证书", "signer certificate"),
    "keys.identities": ("身份({count} 个):", "Identities ({count}):"),
    "keys.trusted": ("信任证书({count} 个):", "Trusted certificates ({count}):"),
    "keys.issuer": ("签发者", "issuer"),
    "keys.valid_until": ("有效期至", "valid until"),
    # the kinds of identity
    "identity.kind.operator": ("园区运营机构", "park operator"),
    "identity.kind.district": ("区县商务主管部门(CA)", "district office (CA)"),
}
